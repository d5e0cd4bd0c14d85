using System.Globalization;
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
        var index = new Dictionary<string, int>(dataset.UserCount, StringComparer.Ordinal);
        for (var u = 0; u < dataset.UserCount; u++)
        {
            index[dataset.UserIds[u]] = u;
        }
        string[]? names = null;
        string[][]? values = null;
        var seen = new bool[dataset.UserCount];
        Func<string, string[]>? split = null;
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
                (names, split, var header) = Layout(text, file);
                if (names.Length is 0 or > MaxAttributes)
                {
                    throw new DataFormatException(file, line, null, $"a users file needs 1 to {MaxAttributes} attribute columns after the user id; this one has {names.Length}");
                }
                values = names.Select(_ => new string[dataset.UserCount]).ToArray();
                if (header)
                {
                    continue;
                }
            }
            var fields = split!(text);
            if (fields.Length != names.Length + 1)
            {
                throw new DataFormatException(file, line, null, $"expected {names.Length + 1} fields (user, {string.Join(", ", names)}), found {fields.Length}");
            }
            var id = fields[0].Trim();
            if (!index.TryGetValue(id, out var user))
            {
                throw new DataFormatException(file, line, "user", $"user '{GroupCounting.Shorten(id)}' has no ratings in the dataset");
            }
            if (seen[user])
            {
                throw new DataFormatException(file, line, "user", $"user '{GroupCounting.Shorten(id)}' has a second row");
            }
            seen[user] = true;
            for (var a = 0; a < names.Length; a++)
            {
                var value = fields[a + 1].Trim();
                if (value.Length > MaxValueLength)
                {
                    throw new DataFormatException(file, line, names[a], $"a value may have at most {MaxValueLength} characters");
                }
                values![a][user] = value;
            }
        }
        if (names is null)
        {
            throw new DataFormatException(file, 0, null, "the users file is empty");
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new DataFormatException(file, 0, "user",
                $"{seen.Count(s => !s):N0} user(s) of the dataset have no row, the first '{GroupCounting.Shorten(dataset.UserIds[missing])}'");
        }
        return new UserAttributes(names, values!);
    }

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

    private static (string[] Names, Func<string, string[]> Split, bool Header) Layout(string first, string file)
    {
        if (first.Contains("::", StringComparison.Ordinal))
        {
            return (MovieLens1M, text => text.Split("::"), false);
        }
        if (first.Contains('|'))
        {
            return (MovieLens100K, text => text.Split('|'), false);
        }
        if (first.Contains(','))
        {
            var header = first.Split(',').Select(h => h.Trim()).ToArray();
            if (header.Skip(1).Any(string.IsNullOrEmpty) || header.Skip(1).Distinct(StringComparer.Ordinal).Count() != header.Length - 1)
            {
                throw new DataFormatException(file, 1, null, "a CSV users file needs a header of distinct column names, the user id first");
            }
            return (header[1..], text => text.Split(','), true);
        }
        throw new DataFormatException(file, 1, null, "not a users file: expected u.user (id|age|gender|occupation|zip), users.dat (id::gender::age::occupation::zip) or a CSV with a header");
    }
}
