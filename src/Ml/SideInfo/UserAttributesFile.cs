using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.SideInfo;

/// <summary>
/// Reads a users file and joins it to a dataset by the users' original ids: MovieLens 100K's <c>u.user</c>
/// (<c>id|age|gender|occupation|zip</c>), MovieLens 1M's <c>users.dat</c> (<c>id::gender::age::occupation::zip</c>),
/// or a CSV whose header names the columns, the user id first. Every user of the dataset needs exactly one row,
/// and every row must name a user of the dataset: anything else is an error naming the file, line and field.
/// </summary>
public static class UserAttributesFile
{
    private static readonly string[] MovieLens100K = ["age", "gender", "occupation", "zip"];
    private static readonly string[] MovieLens1M = ["gender", "age", "occupation", "zip"];

    /// <summary>At most this many attribute columns, and this many characters in a value.</summary>
    public const int MaxAttributes = 64;

    public const int MaxValueLength = 256;

    /// <summary>Writes a dataset's users and their groups as a CSV this reader reads back (<c>user,ATTRIBUTE</c>), atomically.</summary>
    public static void Save(string path, RatingsDataset dataset, UserGrouping groups) => ArtifactFile.Write(Path.GetFullPath(path), stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"user,{DatasetExport.CsvField(groups.Attribute)}");
        for (var u = 0; u < dataset.UserCount; u++)
        {
            writer.WriteLine($"{DatasetExport.CsvField(dataset.UserIds[u])},{DatasetExport.CsvField(groups.Values[groups.GroupOfUser[u]])}");
        }
    });

    public static UserAttributes Read(string path, RatingsDataset dataset)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), dataset);
    }

    public static UserAttributes Read(TextReader reader, string file, RatingsDataset dataset)
    {
        var (names, fields) = SideInfoRows.Read(reader, file, dataset.UserIds, "user", skipUnknown: false, MaxAttributes, MaxValueLength, first => Layout(first, file));
        return new UserAttributes(names, names.Select((_, a) => Array.ConvertAll(fields, f => f[a])).ToArray());
    }

    /// <summary>Every categorical attribute's breakdown (what <c>stats</c> and the dataset page show).</summary>
    public static IReadOnlyList<GroupBreakdown> Breakdowns(RatingsDataset dataset, UserAttributes attributes) =>
        attributes.Categorical.Select(a => Breakdown(dataset, a, attributes.Of(a))).ToList();

    /// <summary>The dataset's users grouped by a categorical attribute, with each group's share of users and its rating histogram.</summary>
    public static GroupBreakdown Breakdown(RatingsDataset dataset, string attribute, string[] valueOfUser)
    {
        var distinct = valueOfUser.Distinct(StringComparer.Ordinal).Count();
        if (distinct > UserAttributes.MaxGroups)
        {
            throw new ArgumentException($"'{attribute}' has {distinct} distinct values; at most {UserAttributes.MaxGroups} make groups", nameof(attribute));
        }
        var groups = GroupCounting.Count(dataset, dataset.Users, dataset.UserCount, u => [valueOfUser[u]])
            .Select(g => new UserGroup(g.Value, g.Members, g.Members / (double)dataset.UserCount, g.Ratings, g.RatingShares)).ToList();
        return new GroupBreakdown(attribute, groups);
    }

    private static SideInfoRows.Layout Layout(string first, string file)
    {
        if (first.Contains("::", StringComparison.Ordinal))
        {
            return new(MovieLens1M, (text, _) => text.Split("::"), false);
        }
        if (first.Contains('|'))
        {
            return new(MovieLens100K, (text, _) => text.Split('|'), false);
        }
        if (first.Contains(','))
        {
            return SideInfoRows.Csv(first, file, "user");
        }
        throw new DataFormatException(file, 1, null, "not a users file: expected u.user (id|age|gender|occupation|zip), users.dat (id::gender::age::occupation::zip) or a CSV with a header");
    }
}
