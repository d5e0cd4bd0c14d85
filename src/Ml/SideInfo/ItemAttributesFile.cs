using System.Text;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.SideInfo;

/// <summary>
/// Reads an items file and joins it to a dataset by the items' original ids: MovieLens 100K's <c>u.item</c> (nineteen
/// genre flags after id, title, dates and URL), MovieLens 1M's <c>movies.dat</c> (<c>id::title::Genre|Genre</c>), or a
/// CSV whose header names the columns, the item id first (MovieLens' <c>movies.csv</c>; quoted fields allowed), where a
/// value may list several labels separated by <c>|</c>. Every item of the dataset needs exactly one row; rows of items
/// without ratings are skipped, because MovieLens lists its whole catalogue. The attributes with at most
/// <see cref="UserAttributes.MaxGroups"/> distinct labels, fewer than the items (genres; not titles), are broken down into groups.
/// </summary>
public static class ItemAttributesFile
{
    /// <summary>MovieLens 100K's <c>u.genre</c>, in the order of <c>u.item</c>'s flags.</summary>
    private static readonly string[] MovieLens100KGenres =
        ["unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
         "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"];

    private const int MovieLens100KFields = 5 + 19;

    /// <summary>At most this many attribute columns, and this many characters in a field.</summary>
    public const int MaxAttributes = 64;

    public const int MaxValueLength = 1024;

    public const string Genre = "genre";

    public static IReadOnlyList<ItemGroupBreakdown> Read(string path, RatingsDataset dataset)
    {
        // u.item is Latin-1; its titles are not grouped, so a wrong guess costs nothing, and UTF-8 files read as UTF-8.
        using var reader = new StreamReader(path, Encoding.Latin1, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), dataset);
    }

    public static IReadOnlyList<ItemGroupBreakdown> Read(TextReader reader, string file, RatingsDataset dataset)
    {
        var (names, fields) = SideInfoRows.Read(reader, file, dataset.ItemIds, "item", skipUnknown: true, MaxAttributes, MaxValueLength, first => Layout(first, file));
        var labels = names.Select((_, a) => Array.ConvertAll(fields, f => Labels(f[a]))).ToArray();
        // A grouping attribute has few labels that items share: not an identifier such as the title, one label an item.
        return names.Select((name, a) => (name, labels: labels[a]))
            .Where(p => p.labels.SelectMany(l => l).Distinct(StringComparer.Ordinal).Take(UserAttributes.MaxGroups + 1).Count() is var distinct
                        && distinct <= UserAttributes.MaxGroups && distinct < dataset.ItemCount)
            .Select(p => Breakdown(dataset, p.name, p.labels)).ToList();
    }

    /// <summary>The items grouped by each label they carry, with each group's ratings and their histogram.</summary>
    public static ItemGroupBreakdown Breakdown(RatingsDataset dataset, string attribute, string[][] labelsOfItem)
    {
        var groups = GroupCounting.Count(dataset, dataset.Items, dataset.ItemCount, i => labelsOfItem[i])
            .Select(g => new ItemGroup(g.Value, g.Members, g.Members / (double)dataset.ItemCount, g.Ratings, g.RatingShares)).ToList();
        return new ItemGroupBreakdown(attribute, groups);
    }

    private static SideInfoRows.Layout Layout(string first, string file)
    {
        if (first.Contains("::", StringComparison.Ordinal))
        {
            // id::title::genres: the title is dropped here, since no title groups items.
            return new([Genre], (text, line) => text.Split("::") is { Length: 3 } fields ? [fields[0], fields[2]]
                : throw new DataFormatException(file, line, null, $"expected 3 fields (id::title::genres), found {text.Split("::").Length}"), false);
        }
        if (first.Contains('|') && first.Split('|').Length == MovieLens100KFields)
        {
            return new([Genre], (text, line) =>
            {
                var fields = text.Split('|');
                if (fields.Length != MovieLens100KFields)
                {
                    throw new DataFormatException(file, line, null, $"expected {MovieLens100KFields} fields (id|title|release|video release|url and 19 genre flags), found {fields.Length}");
                }
                var genres = new List<string>();
                for (var g = 0; g < MovieLens100KGenres.Length; g++)
                {
                    var flag = fields[5 + g].Trim();
                    if (flag is not ("0" or "1"))
                    {
                        throw new DataFormatException(file, line, MovieLens100KGenres[g], $"a genre flag is 0 or 1, not '{SideInfoRows.Shorten(flag)}'");
                    }
                    if (flag == "1")
                    {
                        genres.Add(MovieLens100KGenres[g]);
                    }
                }
                return [fields[0], string.Join('|', genres)];
            }, false);
        }
        if (first.Contains(','))
        {
            return SideInfoRows.Csv(first, file, "item");
        }
        throw new DataFormatException(file, 1, null,
            "not an items file: expected u.item (id|title|…|19 genre flags), movies.dat (id::title::genres) or a CSV with a header, the item id first");
    }

    /// <summary>A field's labels: <c>|</c> separates several (MovieLens' genres), each counted once.</summary>
    private static string[] Labels(string field) =>
        field.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
}
