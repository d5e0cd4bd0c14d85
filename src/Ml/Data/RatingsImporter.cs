using System.Globalization;
using System.Text;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Reads ratings files. A file is accepted whole or rejected with a <see cref="DataFormatException"/> that names
/// the line and field at fault; nothing is returned half-read.
/// </summary>
public static class RatingsImporter
{
    private static readonly string[] UserColumnNames = ["user", "userid", "uid", "users", "customer", "customerid", "reviewer", "reviewerid"];
    private static readonly string[] ItemColumnNames = ["item", "itemid", "iid", "items", "movie", "movieid", "product", "productid", "anime", "animeid", "book", "bookid", "isbn"];
    private static readonly string[] RatingColumnNames = ["rating", "ratings", "score", "stars", "value"];

    public static RatingsDataset ImportFile(string path, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var displayName = Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, null, $"cannot be read: {e.Message}");
        }
        using (stream)
        {
            return Import(stream, path, options with { Name = options.Name ?? displayName });
        }
    }

    /// <param name="source">The name used in error messages (usually the file path).</param>
    public static RatingsDataset Import(Stream stream, string source, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new Parser(source, options);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            parser.Accept(line, lineNumber);
        }
        return parser.Finish(options.Name ?? Path.GetFileName(source));
    }

    private sealed class Parser(string source, ImportOptions options)
    {
        private readonly Dictionary<string, int> _userIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _itemIndex = new(StringComparer.Ordinal);
        private readonly List<string> _userIds = [];
        private readonly List<string> _itemIds = [];
        private readonly List<int> _users = [];
        private readonly List<int> _items = [];
        private readonly List<float> _ratings = [];
        private readonly List<long> _lines = [];
        private RatingsFileFormat _format = options.Format;
        private string _separator = "";
        private int _userColumn;
        private int _itemColumn = 1;
        private int _ratingColumn = 2;
        private int _fieldsNeeded = 3;
        private bool _allowTextIds;
        private bool _started;
        private readonly string[] _columnNames = ["user", "item", "rating"];

        public void Accept(string line, long lineNumber)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return;
            }
            if (!_started)
            {
                _started = true;
                if (Start(line, lineNumber))
                {
                    return; // the first line was a header
                }
            }
            var fields = line.Split(_separator);
            if (fields.Length < _fieldsNeeded)
            {
                throw new DataFormatException(source, lineNumber, null,
                    $"expected at least {_fieldsNeeded} fields separated by {Describe(_separator)}, found {fields.Length}");
            }
            var user = Intern(fields[_userColumn].Trim(), _userIndex, _userIds, lineNumber, _columnNames[0]);
            var item = Intern(fields[_itemColumn].Trim(), _itemIndex, _itemIds, lineNumber, _columnNames[1]);
            var ratingText = fields[_ratingColumn].Trim();
            if (!float.TryParse(ratingText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !float.IsFinite(rating))
            {
                throw new DataFormatException(source, lineNumber, _columnNames[2], $"'{ratingText}' is not a number");
            }
            if (options.Scale is { } scale && !scale.Contains(rating))
            {
                throw new DataFormatException(source, lineNumber, _columnNames[2], $"rating {ratingText} is outside the scale {scale}");
            }
            _users.Add(user);
            _items.Add(item);
            _ratings.Add(rating);
            _lines.Add(lineNumber);
        }

        /// <summary>Fixes the format from the first line; returns true when that line is a header.</summary>
        private bool Start(string line, long lineNumber)
        {
            if (_format == RatingsFileFormat.Auto)
            {
                _format = line.Contains("::", StringComparison.Ordinal) ? RatingsFileFormat.MovieLensDat
                    : line.Contains('\t') ? RatingsFileFormat.MovieLensTab
                    : line.Contains(',') ? RatingsFileFormat.Csv
                    : throw new DataFormatException(source, lineNumber, null,
                        "unknown format: expected tab-separated (u.data), '::'-separated (ratings.dat) or comma-separated values");
            }
            _separator = _format switch
            {
                RatingsFileFormat.MovieLensDat => "::",
                RatingsFileFormat.MovieLensTab => "\t",
                _ => ",",
            };
            var fields = line.Split(_separator).Select(f => f.Trim().Trim('"')).ToArray();
            var looksNumeric = fields.Length >= 3 && fields.Take(3).All(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (looksNumeric || _format != RatingsFileFormat.Csv)
            {
                return false;
            }
            var normalized = fields.Select(f => new string(f.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()).ToArray();
            _userColumn = FindColumn(normalized, UserColumnNames, "user", lineNumber);
            _itemColumn = FindColumn(normalized, ItemColumnNames, "item", lineNumber);
            _ratingColumn = FindColumn(normalized, RatingColumnNames, "rating", lineNumber);
            _columnNames[0] = fields[_userColumn];
            _columnNames[1] = fields[_itemColumn];
            _columnNames[2] = fields[_ratingColumn];
            _fieldsNeeded = Math.Max(_userColumn, Math.Max(_itemColumn, _ratingColumn)) + 1;
            _allowTextIds = true;
            return true;
        }

        private int FindColumn(string[] header, string[] names, string role, long lineNumber)
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

        private int Intern(string id, Dictionary<string, int> index, List<string> ids, long lineNumber, string field)
        {
            if (id.Length == 0)
            {
                throw new DataFormatException(source, lineNumber, field, "is empty");
            }
            if (double.TryParse(id, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                // GANRS writes ids as floats ("97.0"); the same entity must get the same id either way.
                if (number != Math.Floor(number) || Math.Abs(number) > 1e15)
                {
                    throw new DataFormatException(source, lineNumber, field, $"id '{id}' is not a whole number");
                }
                id = ((long)number).ToString(CultureInfo.InvariantCulture);
            }
            else if (!_allowTextIds)
            {
                throw new DataFormatException(source, lineNumber, field, $"'{id}' is not a number");
            }
            if (!index.TryGetValue(id, out var dense))
            {
                dense = ids.Count;
                index.Add(id, dense);
                ids.Add(id);
            }
            return dense;
        }

        public RatingsDataset Finish(string name)
        {
            if (_ratings.Count == 0)
            {
                throw new DataFormatException(source, 0, null, _started ? "holds a header but no ratings" : "is empty: it holds no ratings");
            }
            var scale = options.Scale ?? DetectScale();
            var keep = ResolveDuplicates();
            var users = Select(_users, keep);
            var items = Select(_items, keep);
            var ratings = Select(_ratings, keep);
            return new RatingsDataset(name, users, items, ratings, [.. _userIds], [.. _itemIds], scale);
        }

        private RatingScale DetectScale()
        {
            int lowest = 0, highest = 0;
            for (var i = 1; i < _ratings.Count; i++)
            {
                if (_ratings[i] < _ratings[lowest])
                {
                    lowest = i;
                }
                if (_ratings[i] > _ratings[highest])
                {
                    highest = i;
                }
            }
            if (_ratings[lowest] < 1)
            {
                throw new DataFormatException(source, _lines[lowest], _columnNames[2],
                    $"rating {_ratings[lowest].ToString(CultureInfo.InvariantCulture)} is outside the supported scales 1..5 and 1..10 (declare the scale to accept it)");
            }
            return RatingScale.Detect(_ratings[lowest], _ratings[highest])
                ?? throw new DataFormatException(source, _lines[highest], _columnNames[2],
                    $"rating {_ratings[highest].ToString(CultureInfo.InvariantCulture)} is outside the supported scales 1..5 and 1..10 (declare the scale to accept it)");
        }

        /// <summary>Returns the rows to keep, in file order, applying the duplicate policy.</summary>
        private int[]? ResolveDuplicates()
        {
            var count = _ratings.Count;
            var keys = new long[count];
            var rows = new int[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = ((long)_users[i] << 32) | (uint)_items[i];
                rows[i] = i;
            }
            Array.Sort(keys, rows);
            List<int>? dropped = null;
            for (var i = 1; i < count; i++)
            {
                if (keys[i] != keys[i - 1])
                {
                    continue;
                }
                // Equal keys: order the pair by file position so "first" and "last" mean what they say.
                int earlier = Math.Min(rows[i], rows[i - 1]), later = Math.Max(rows[i], rows[i - 1]);
                switch (options.Duplicates)
                {
                    case DuplicatePolicy.Reject:
                        throw new DataFormatException(source, _lines[later], null,
                            $"duplicate rating of user '{_userIds[_users[later]]}' for item '{_itemIds[_items[later]]}' (first rated on line {_lines[earlier]})");
                    case DuplicatePolicy.KeepFirst:
                        (dropped ??= []).Add(later);
                        rows[i] = earlier;
                        break;
                    default:
                        (dropped ??= []).Add(earlier);
                        rows[i] = later;
                        break;
                }
            }
            if (dropped is null)
            {
                return null;
            }
            var drop = new bool[count];
            foreach (var row in dropped)
            {
                drop[row] = true;
            }
            return Enumerable.Range(0, count).Where(i => !drop[i]).ToArray();
        }

        private static T[] Select<T>(List<T> values, int[]? keep) =>
            keep is null ? [.. values] : Array.ConvertAll(keep, i => values[i]);

        private static string Describe(string separator) => separator switch
        {
            "\t" => "tabs",
            "," => "commas",
            _ => $"'{separator}'",
        };
    }
}
