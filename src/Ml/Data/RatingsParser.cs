using System.Globalization;
using nietras.SeparatedValues;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Accumulates a file's rows into columns, checking each as it comes; <see cref="Finish"/> detects the scale and
/// applies the duplicate policy. Ids are interned without allocating, so a 25M-row file costs its columns and little else.
/// </summary>
internal sealed class RatingsParser(string source, FileLayout layout, ImportOptions options)
{
    private const int InitialCapacity = 1 << 16;

    /// <summary>Distinct values past which a column is taken for continuous scores rather than a rating scale.</summary>
    private const int MaxDistinctRatings = RatingScale.MaxClasses + 1;

    private readonly IdIndex _users = new(layout.HasHeader);
    private readonly IdIndex _items = new(layout.HasHeader);
    private readonly Dictionary<float, long> _firstLineOfValue = [];
    private int[] _userColumn = new int[InitialCapacity];
    private int[] _itemColumn = new int[InitialCapacity];
    private float[] _ratingColumn = new float[InitialCapacity];
    private int[] _lineColumn = new int[InitialCapacity];
    private bool _headerSkipped = !layout.HasHeader;
    private bool _tooManyValues;
    private long _nextLine = 1;

    public int Count { get; private set; }

    public void Accept(SepReader.Row row)
    {
        // A row starts where the previous one ended. Sep 0.17's LineNumberFrom reads 2 for the first row of a file
        // without a header, while LineNumberToExcl is right; a quoted field may make a row span several lines.
        var line = _nextLine;
        _nextLine = row.LineNumberToExcl;
        if (row.ColCount == 1 && row.Span.IsWhiteSpace())
        {
            return;
        }
        if (!_headerSkipped)
        {
            _headerSkipped = true;
            return;
        }
        if (row.ColCount < layout.FieldsNeeded)
        {
            throw new DataFormatException(source, line, null,
                $"expected at least {layout.UserFieldsNeeded} fields separated by {layout.SeparatorText}, found {layout.FieldsFound(row.ColCount)}");
        }
        if (Count == ImportOptions.MaxRatings)
        {
            throw new DataFormatException(source, line, null, $"holds more than {ImportOptions.MaxRatings:N0} ratings, the most one import takes");
        }
        var user = Intern(_users, row[layout.UserColumn].Span, line, layout.ColumnNames[0]);
        var item = Intern(_items, row[layout.ItemColumn].Span, line, layout.ColumnNames[1]);
        var rating = layout.RatingColumn is { } column ? Rating(row[column].Span, line) : 1f;
        if (Count == _ratingColumn.Length)
        {
            Grow();
        }
        _userColumn[Count] = user;
        _itemColumn[Count] = item;
        _ratingColumn[Count] = rating;
        _lineColumn[Count] = (int)Math.Min(line, int.MaxValue);
        Count++;
    }

    private int Intern(IdIndex index, ReadOnlySpan<char> id, long line, string field) =>
        index.Intern(Unquote(id), out var error) ?? throw new DataFormatException(source, line, field, error!);

    private float Rating(ReadOnlySpan<char> field, long line)
    {
        var text = Unquote(field).Trim();
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !float.IsFinite(rating))
        {
            throw new DataFormatException(source, line, layout.ColumnNames[2], $"'{text}' is not a number");
        }
        if (options.Scale is { } scale)
        {
            if (!scale.Contains(rating))
            {
                throw new DataFormatException(source, line, layout.ColumnNames[2], $"rating {text} is not on the scale {scale}");
            }
        }
        else if (!_tooManyValues && !_firstLineOfValue.ContainsKey(rating))
        {
            _firstLineOfValue[rating] = line;
            _tooManyValues = _firstLineOfValue.Count > MaxDistinctRatings;
        }
        return rating;
    }

    /// <summary>Sep unescapes quoted fields; a stray quote around a field in a file without quoting is dropped as before.</summary>
    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field;
    }

    private void Grow()
    {
        var size = (int)Math.Min((long)_ratingColumn.Length * 2, ImportOptions.MaxRatings);
        Array.Resize(ref _userColumn, size);
        Array.Resize(ref _itemColumn, size);
        Array.Resize(ref _ratingColumn, size);
        Array.Resize(ref _lineColumn, size);
    }

    public RatingsDataset Finish(string name)
    {
        if (Count == 0)
        {
            throw new DataFormatException(source, 0, null, layout.HasHeader ? "holds a header but no ratings" : "is empty: it holds no ratings");
        }
        var scale = layout.RatingColumn is null ? RatingScale.Unary : options.Scale ?? DetectScale();
        var keep = ResolveDuplicates();
        _lineColumn = [];
        var users = Select(ref _userColumn, keep);
        var items = Select(ref _itemColumn, keep);
        var ratings = Select(ref _ratingColumn, keep);
        return new RatingsDataset(name, users, items, ratings, _users.Ids, _items.Ids, scale);
    }

    private RatingScale DetectScale()
    {
        if (!_tooManyValues && RatingScale.Detect(_firstLineOfValue.Keys.Select(v => (double)v).ToArray()) is { } scale)
        {
            return scale;
        }
        // Name the first value off every step of four decimals or fewer: that is where a user would look.
        var offStep = _firstLineOfValue.Where(v => RatingScale.Detect([v.Key, Math.Round(v.Key)]) is null).OrderBy(v => v.Value).ToArray();
        var (value, line) = offStep.Length > 0 ? offStep[0] : _firstLineOfValue.MaxBy(v => v.Value);
        throw new DataFormatException(source, line, layout.ColumnNames[2],
            $"rating {RatingsImporter.Text(value)}: the ratings lie on no common step such as 1 or 0.5" +
            (_tooManyValues ? $" (more than {RatingScale.MaxClasses:N0} distinct values)" : "") +
            " (declare the scale, e.g. 0..100:1, to accept them)");
    }

    /// <summary>Returns the rows to keep, in file order, applying the duplicate policy; null keeps all.</summary>
    private int[]? ResolveDuplicates()
    {
        var count = Count;
        var keys = new long[count];
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((long)_userColumn[i] << 32) | (uint)_itemColumn[i];
            rows[i] = i;
        }
        Array.Sort(keys, rows);
        bool[]? drop = null;
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
                    throw new DataFormatException(source, _lineColumn[later], null,
                        $"duplicate rating of user '{_users[_userColumn[later]]}' for item '{_items[_itemColumn[later]]}' " +
                        $"(first rated on line {_lineColumn[earlier]}; choose to keep the first or the last to accept it)");
                case DuplicatePolicy.KeepFirst:
                    (drop ??= new bool[count])[later] = true;
                    rows[i] = earlier;
                    break;
                default:
                    (drop ??= new bool[count])[earlier] = true;
                    rows[i] = later;
                    break;
            }
        }
        if (drop is null)
        {
            return null;
        }
        var keep = new int[count - drop.Count(d => d)];
        for (int i = 0, k = 0; i < count; i++)
        {
            if (!drop[i])
            {
                keep[k++] = i;
            }
        }
        return keep;
    }

    /// <summary>The kept rows of a column, trimmed to length; the working column is released as soon as it is copied.</summary>
    private T[] Select<T>(ref T[] column, int[]? keep)
    {
        var source = column;
        column = [];
        if (keep is null)
        {
            if (source.Length != Count)
            {
                Array.Resize(ref source, Count);
            }
            return source;
        }
        return Array.ConvertAll(keep, i => source[i]);
    }
}
