using System.Globalization;

namespace GanRsSandbox.Ml.Scenarios;

/// <summary>A cold-start scenario: this share of the users (or items) has at most this many ratings.</summary>
public sealed record ColdStart(double Share, int MaxRatings)
{
    /// <summary>Reads <c>SHARE:K</c>, as <c>--cold-users 0.3:5</c> spells it.</summary>
    public static bool TryParse(string text, out ColdStart? coldStart)
    {
        coldStart = null;
        var parts = text.Split(':');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k))
        {
            coldStart = new ColdStart(share, k);
            return true;
        }
        return false;
    }

    /// <summary>Checks the share and the cap against the number of users (or items) and what each can rate.</summary>
    public void Validate(string name, int count, int partners)
    {
        if (!(Share > 0 && Share < 1))
        {
            throw new ArgumentOutOfRangeException(name, Share, "the cold share must lie strictly between 0 and 1 (SHARE:K, e.g. 0.3:5)");
        }
        if (MaxRatings < 1 || MaxRatings >= partners)
        {
            throw new ArgumentOutOfRangeException(name, MaxRatings, $"the cold cap K must be between 1 and {partners - 1:N0} (one less than can be rated)");
        }
        if (Math.Round(Share * count) < 1)
        {
            throw new ArgumentOutOfRangeException(name, Share, $"a share of {Share} of {count:N0} is no one");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Share}:{MaxRatings}");
}
