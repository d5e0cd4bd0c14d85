using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Data;

/// <summary>An integer rating scale such as 1..5 or 1..10; classification models use one class per value.</summary>
public readonly record struct RatingScale(int Min, int Max)
{
    public static readonly RatingScale OneToFive = new(1, 5);
    public static readonly RatingScale OneToTen = new(1, 10);

    [JsonIgnore] public int Classes => Max - Min + 1;

    public bool Contains(float rating) => rating >= Min && rating <= Max;

    /// <summary>The paper's relevance thresholds: the two highest values of the scale (4,5 or 9,10).</summary>
    [JsonIgnore] public int[] DefaultThresholds => [Max - 1, Max];

    /// <summary>The class index of a rating: the nearest scale value, counted from <see cref="Min"/>.</summary>
    public int ClassOf(float rating) => Math.Clamp((int)MathF.Round(rating, MidpointRounding.AwayFromZero), Min, Max) - Min;

    public override string ToString() => $"{Min}..{Max}";

    /// <summary>Parses "1..5" (also "1-5").</summary>
    public static bool TryParse(string text, out RatingScale scale)
    {
        scale = default;
        var parts = text.Split(["..", "-"], 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], out var min) && int.TryParse(parts[1], out var max) && min < max)
        {
            scale = new RatingScale(min, max);
            return true;
        }
        return false;
    }

    /// <summary>The smallest supported scale holding <paramref name="maxRating"/>: 1..5 or 1..10.</summary>
    public static RatingScale? Detect(float minRating, float maxRating)
    {
        if (minRating < 1)
        {
            return null;
        }
        if (maxRating <= 5)
        {
            return OneToFive;
        }
        return maxRating <= 10 ? OneToTen : null;
    }
}
