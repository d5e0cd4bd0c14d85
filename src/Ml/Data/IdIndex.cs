using System.Globalization;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Maps the ids a file uses to dense 0-based indices, in order of first appearance, without allocating for an id
/// already seen. Whole numbers share one form whatever their spelling ("97", "97.0", "0097"): GANRS writes ids as
/// floats, and the same entity must get the same index either way.
/// </summary>
internal sealed class IdIndex(bool allowText)
{
    private readonly Dictionary<long, int> _numbers = [];
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    public int Count => _ids.Count;

    public string[] Ids => [.. _ids];

    public string this[int index] => _ids[index];

    /// <summary>The index of an id, or null with what is wrong with it in <paramref name="error"/>.</summary>
    public int? Intern(ReadOnlySpan<char> id, out string? error)
    {
        error = null;
        id = id.Trim();
        if (id.Length == 0)
        {
            error = "is empty";
            return null;
        }
        if (long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return Number(whole);
        }
        if (double.TryParse(id, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (number != Math.Floor(number) || Math.Abs(number) > 1e15)
            {
                error = $"id '{id}' is not a whole number";
                return null;
            }
            return Number((long)number);
        }
        if (!allowText)
        {
            error = $"'{id}' is not a number";
            return null;
        }
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(id, out var dense))
        {
            var text = id.ToString();
            dense = _ids.Count;
            _texts.Add(text, dense);
            _ids.Add(text);
        }
        return dense;
    }

    private int Number(long id)
    {
        if (!_numbers.TryGetValue(id, out var dense))
        {
            dense = _ids.Count;
            _numbers.Add(id, dense);
            _ids.Add(id.ToString(CultureInfo.InvariantCulture));
        }
        return dense;
    }
}
