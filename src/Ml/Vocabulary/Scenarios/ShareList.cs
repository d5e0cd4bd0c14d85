using System.Globalization;

namespace GanRsSandbox.Ml.Scenarios;

/// <summary>The VALUE=SHARE,… lists of the scenario knobs (group shares, rating shares), as the CLI and the pages read them.</summary>
public static class ShareList
{
    /// <summary>Reads a list; on failure <paramref name="error"/> says what is wrong (without naming the option).</summary>
    public static bool TryParse(string text, out IReadOnlyList<KeyValuePair<string, double>> shares, out string? error)
    {
        var list = new List<KeyValuePair<string, double>>();
        shares = list;
        error = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0
                || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || !double.IsFinite(share))
            {
                error = $"'{part}' is not VALUE=SHARE";
                return false;
            }
            if (list.Any(s => s.Key == pieces[0]))
            {
                error = $"'{pieces[0]}' is given twice";
                return false;
            }
            list.Add(new(pieces[0], share));
        }
        if (list.Count == 0)
        {
            error = "needs at least one VALUE=SHARE";
            return false;
        }
        return true;
    }

    /// <summary>A rating-shares list keyed by rating value; on failure <paramref name="error"/> names the bad value.</summary>
    public static bool TryParseRatings(string text, out IReadOnlyDictionary<double, double>? shares, out string? error)
    {
        shares = null;
        if (!TryParse(text, out var list, out error))
        {
            return false;
        }
        var byRating = new Dictionary<double, double>();
        foreach (var (key, share) in list)
        {
            if (!double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !double.IsFinite(rating))
            {
                error = $"'{key}' is not a rating";
                return false;
            }
            if (!byRating.TryAdd(rating, share))
            {
                error = $"'{key}' is given twice";
                return false;
            }
        }
        shares = byRating;
        return true;
    }

    /// <summary>Writes a list back in the form <see cref="TryParse"/> reads.</summary>
    public static string Format<TKey>(IEnumerable<KeyValuePair<TKey, double>> shares) where TKey : notnull =>
        string.Join(",", shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value:0.###}")));
}
