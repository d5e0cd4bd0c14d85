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
        var index = new Dictionary<string, int>(dataset.ItemCount, StringComparer.Ordinal);
        for (var i = 0; i < dataset.ItemCount; i++)
        {
            index[dataset.ItemIds[i]] = i;
        }
        string[]? names = null;
        Func<string, long, (string Id, string[][] Labels)>? parse = null;
        string[][][]? labels = null;
        var seen = new bool[dataset.ItemCount];
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            if (names is null)
            {
                (names, parse, var header) = Layout(text, file);
                labels = names.Select(_ => new string[dataset.ItemCount][]).ToArray();
                if (header)
                {
                    continue;
                }
            }
            var (id, row) = parse!(text, line);
            if (!index.TryGetValue(id, out var item))
            {
                continue;
            }
            if (seen[item])
            {
                throw new DataFormatException(file, line, "item", $"item '{GroupCounting.Shorten(id)}' has a second row");
            }
            seen[item] = true;
            for (var a = 0; a < names.Length; a++)
            {
                labels![a][item] = row[a];
            }
        }
        if (names is null)
        {
            throw new DataFormatException(file, 0, null, "the items file is empty");
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new DataFormatException(file, 0, "item",
                $"{seen.Count(s => !s):N0} item(s) of the dataset have no row, the first '{GroupCounting.Shorten(dataset.ItemIds[missing])}'");
        }
        // A grouping attribute has few labels that items share: not an identifier such as the title, one label an item.
        return names.Select((name, a) => (name, labels: labels![a]))
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

    private static (string[] Names, Func<string, long, (string Id, string[][] Labels)> Parse, bool Header) Layout(string first, string file)
    {
        if (first.Contains("::", StringComparison.Ordinal))
        {
            return ([Genre], (text, line) =>
            {
                var fields = text.Split("::");
                Expect(fields, 3, file, line, "id::title::genres");
                return (fields[0].Trim(), [Labels(fields[2], file, line, Genre)]);
            }, false);
        }
        if (first.Contains('|') && first.Split('|').Length == MovieLens100KFields)
        {
            return ([Genre], (text, line) =>
            {
                var fields = text.Split('|');
                Expect(fields, MovieLens100KFields, file, line, "id|title|release|video release|url and 19 genre flags");
                var genres = new List<string>();
                for (var g = 0; g < MovieLens100KGenres.Length; g++)
                {
                    var flag = fields[5 + g].Trim();
                    if (flag is not ("0" or "1"))
                    {
                        throw new DataFormatException(file, line, MovieLens100KGenres[g], $"a genre flag is 0 or 1, not '{GroupCounting.Shorten(flag)}'");
                    }
                    if (flag == "1")
                    {
                        genres.Add(MovieLens100KGenres[g]);
                    }
                }
                return (fields[0].Trim(), [genres.ToArray()]);
            }, false);
        }
        if (first.Contains(','))
        {
            var header = CsvFields(first).Select(h => h.Trim()).ToArray();
            if (header.Length is < 2 or > MaxAttributes + 1 || header.Skip(1).Any(string.IsNullOrEmpty)
                || header.Skip(1).Distinct(StringComparer.Ordinal).Count() != header.Length - 1)
            {
                throw new DataFormatException(file, 1, null, $"a CSV items file needs a header of 2 to {MaxAttributes + 1} distinct column names, the item id first");
            }
            var names = header[1..];
            return (names, (text, line) =>
            {
                var fields = CsvFields(text);
                Expect(fields, header.Length, file, line, string.Join(",", header));
                return (fields[0].Trim(), names.Select((name, a) => Labels(fields[a + 1], file, line, name)).ToArray());
            }, true);
        }
        throw new DataFormatException(file, 1, null,
            "not an items file: expected u.item (id|title|…|19 genre flags), movies.dat (id::title::genres) or a CSV with a header, the item id first");
    }

    private static void Expect(string[] fields, int count, string file, long line, string layout)
    {
        if (fields.Length != count)
        {
            throw new DataFormatException(file, line, null, $"expected {count} fields ({layout}), found {fields.Length}");
        }
    }

    private static string[] Labels(string field, string file, long line, string attribute)
    {
        if (field.Length > MaxValueLength)
        {
            throw new DataFormatException(file, line, attribute, $"a field may have at most {MaxValueLength} characters");
        }
        return field.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>One CSV line's fields: a field in double quotes may hold commas, and "" is a quote inside it.</summary>
    private static string[] CsvFields(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
