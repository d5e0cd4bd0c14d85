using System.Globalization;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Where a ratings file keeps its fields, decided from its first line: the separator, the user, item and rating
/// columns (no rating column for implicit feedback), their names for messages, and whether that line was a header.
/// </summary>
internal sealed record FileLayout(
    RatingsFileFormat Format,
    char Separator,
    int UserColumn,
    int ItemColumn,
    int? RatingColumn,
    string[] ColumnNames,
    bool HasHeader)
{
    private static readonly string[] UserColumnNames = ["user", "userid", "uid", "users", "customer", "customerid", "reviewer", "reviewerid"];
    private static readonly string[] ItemColumnNames = ["item", "itemid", "iid", "items", "movie", "movieid", "product", "productid", "anime", "animeid", "book", "bookid", "isbn"];
    private static readonly string[] RatingColumnNames = ["rating", "ratings", "score", "stars", "value"];
    private static readonly string[] TimeColumnNames = ["timestamp", "time", "date", "datetime", "ts"];

    /// <summary>ratings.dat's "::" is read as ':' with an empty field between fields, so its columns are 0, 2, 4.</summary>
    private const int DatStride = 2;

    /// <summary>The most fields a row needs so that every column it reads exists.</summary>
    public int FieldsNeeded => Math.Max(UserColumn, Math.Max(ItemColumn, RatingColumn ?? 0)) + 1;

    /// <summary>Fields as the user counts them (ratings.dat's three fields, not the five ':'-separated pieces).</summary>
    public int FieldsFound(int columns) => Format == RatingsFileFormat.MovieLensDat ? (columns + 1) / DatStride : columns;

    public int UserFieldsNeeded => FieldsFound(FieldsNeeded);

    public bool Quoted => Format == RatingsFileFormat.Csv;

    public string SeparatorText => Format switch
    {
        RatingsFileFormat.MovieLensDat => "'::'",
        RatingsFileFormat.MovieLensTab => "tabs",
        _ => "commas",
    };

    public static FileLayout From(string firstLine, long lineNumber, string source, ImportOptions options)
    {
        var format = options.Format;
        if (format == RatingsFileFormat.Auto)
        {
            format = firstLine.Contains("::", StringComparison.Ordinal) ? RatingsFileFormat.MovieLensDat
                : firstLine.Contains('\t') ? RatingsFileFormat.MovieLensTab
                : firstLine.Contains(',') ? RatingsFileFormat.Csv
                : throw new DataFormatException(source, lineNumber, null,
                    "unknown format: expected tab-separated (u.data), '::'-separated (ratings.dat) or comma-separated values");
        }
        var fields = format switch
        {
            RatingsFileFormat.MovieLensDat => firstLine.Split("::"),
            RatingsFileFormat.MovieLensTab => firstLine.Split('\t'),
            _ => firstLine.Split(','),
        };
        fields = Array.ConvertAll(fields, f => f.Trim().Trim('"'));
        var separator = format switch
        {
            RatingsFileFormat.MovieLensDat => ':',
            RatingsFileFormat.MovieLensTab => '\t',
            _ => ',',
        };
        var stride = format == RatingsFileFormat.MovieLensDat ? DatStride : 1;
        var numericPrefix = fields.TakeWhile(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).Count();
        // CSV and tab-separated files (RecBole's .inter) may open with a header; ratings.dat never does.
        if (format == RatingsFileFormat.MovieLensDat || numericPrefix >= Math.Min(fields.Length, 2))
        {
            // No header: user, item and (when there is a third field and the data is explicit) rating come first.
            var hasRating = fields.Length >= 3 && !options.Implicit;
            return new FileLayout(format, separator, 0, stride, hasRating ? 2 * stride : null, ["user", "item", "rating"], HasHeader: false);
        }
        // RecBole types its columns ("user_id:token"): the name is what comes before the colon.
        var names = fields.Select(f => new string(f.Split(':')[0].Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()).ToArray();
        var user = FindColumn(names, UserColumnNames, "user", lineNumber, source);
        var item = FindColumn(names, ItemColumnNames, "item", lineNumber, source);
        int? rating = RatingColumnNames.Select(n => Array.IndexOf(names, n)).FirstOrDefault(i => i >= 0, -1) is var r and >= 0 ? r : null;
        if (rating is null && !options.Implicit)
        {
            var others = names.Where((_, i) => i != user && i != item).ToArray();
            if (!others.All(TimeColumnNames.Contains))
            {
                throw new DataFormatException(source, lineNumber, null,
                    $"the header names no rating column (looked for: {string.Join(", ", RatingColumnNames)}); " +
                    "declare the file implicit feedback to read every row as an interaction");
            }
        }
        if (options.Implicit)
        {
            rating = null;
        }
        var columnNames = new[] { fields[user], fields[item], rating is { } c ? fields[c] : "rating" };
        return new FileLayout(format, separator, user, item, rating, columnNames, HasHeader: true);
    }

    private static int FindColumn(string[] header, string[] names, string role, long lineNumber, string source)
    {
        foreach (var name in names)
        {
            var index = Array.IndexOf(header, name);
            if (index >= 0)
            {
                return index;
            }
        }
        throw new DataFormatException(source, lineNumber, null,
            $"the header names no {role} column (looked for: {string.Join(", ", names)})");
    }
}
