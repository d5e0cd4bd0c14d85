using System.Globalization;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// A discrete rating scale: the values <see cref="Min"/>, Min + <see cref="Step"/>, …, <see cref="Max"/>, such as
/// 1..5, 1..10, half stars 0.5..5:0.5 or 0..100. Classification models use one class per value. A scale of one value
/// (<see cref="Unary"/>) is implicit feedback: every row is an interaction, none is a judgement.
/// </summary>
public readonly record struct RatingScale
{
    /// <summary>The most values a scale may have: one class each in the classifiers and one bar each in the histogram.</summary>
    public const int MaxClasses = 1001;

    /// <summary>How far, relative to its size, a value may lie from a step and still count as on it: ratings are stored as float32.</summary>
    private const double Tolerance = 1e-6;

    public static readonly RatingScale OneToFive = new(1, 5);
    public static readonly RatingScale OneToTen = new(1, 10);
    public static readonly RatingScale HalfStars = new(0.5, 5, 0.5);

    /// <summary>Implicit feedback: one value, 1, for "interacted".</summary>
    public static readonly RatingScale Unary = new(1, 1);

    private readonly double _step;

    [JsonConstructor]
    public RatingScale(double min, double max, double step = 1)
    {
        Min = min;
        Max = max;
        _step = step;
    }

    public double Min { get; }

    public double Max { get; }

    /// <summary>The distance between neighbouring values; 1 where none was given (also for a default instance).</summary>
    public double Step => _step > 0 ? _step : 1;

    [JsonIgnore] public int Classes => (int)Math.Round((Max - Min) / Step) + 1;

    /// <summary>Whether this is implicit feedback (one value only), where no rating model or threshold applies.</summary>
    [JsonIgnore] public bool IsUnary => Classes == 1;

    /// <summary>The scale's values, lowest first.</summary>
    [JsonIgnore] public double[] Values => Enumerable.Range(0, Classes).Select(ValueOf).ToArray();

    /// <summary>Whether the rating is one of the scale's values.</summary>
    public bool Contains(double rating)
    {
        var steps = Math.Round((rating - Min) / Step);
        return steps >= 0 && steps < Classes && Near(rating, ValueOf((int)steps));
    }

    /// <summary>The paper's relevance thresholds: the two highest values of the scale (4,5 on 1..5, 4.5,5 on half stars).</summary>
    [JsonIgnore] public double[] DefaultThresholds => Classes >= 2 ? [ValueOf(Classes - 2), Max] : [Max];

    /// <summary>The class index of a rating: the nearest scale value, counted from <see cref="Min"/>.</summary>
    public int ClassOf(double rating) =>
        (int)Math.Clamp(Math.Round((rating - Min) / Step, MidpointRounding.AwayFromZero), 0, Classes - 1);

    /// <summary>The value of a class index, rounded so that 0.1-steps give 0.3 and not 0.30000000000000004.</summary>
    public double ValueOf(int index) => Math.Round(Min + index * Step, 9);

    /// <summary>"1..5" for unit steps, "0.5..5:0.5" otherwise: the form <see cref="TryParse"/> reads.</summary>
    public override string ToString() =>
        Step == 1 ? $"{Format(Min)}..{Format(Max)}" : $"{Format(Min)}..{Format(Max)}:{Format(Step)}";

    /// <summary>
    /// Parses "1..5", "0.5..5:0.5", "0..100:1" (also "1-5" for positive unit scales). Without a step, whole bounds
    /// step by 1 and others by the largest step dividing both them and 1, so "0.5..5" is half stars.
    /// </summary>
    public static bool TryParse(string? text, out RatingScale scale) => TryParse(text, out scale, out _);

    /// <summary>As <see cref="TryParse(string?, out RatingScale)"/>, with what is wrong when it fails.</summary>
    public static bool TryParse(string? text, out RatingScale scale, out string error)
    {
        scale = default;
        error = "is not a scale such as 1..5, 1..10 or 0.5..5:0.5 (min..max:step)";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var body = text.Trim();
        double? step = null;
        var colon = body.IndexOf(':');
        if (colon >= 0)
        {
            if (!TryNumber(body[(colon + 1)..], out var given))
            {
                return false;
            }
            step = given;
            body = body[..colon];
        }
        var parts = body.Contains("..", StringComparison.Ordinal)
            ? body.Split("..", 2, StringSplitOptions.TrimEntries)
            : body.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryNumber(parts[0], out var min) || !TryNumber(parts[1], out var max))
        {
            return false;
        }
        return TryCreate(min, max, step ?? CommonStep([min, max, min + 1]) ?? 1, out scale, out error);
    }

    /// <summary>A scale from its bounds and step, or what is wrong with them.</summary>
    public static bool TryCreate(double min, double max, double step, out RatingScale scale, out string error)
    {
        scale = default;
        error = "";
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(step))
        {
            error = "has a bound or step that is not a finite number";
            return false;
        }
        if (step <= 0)
        {
            error = $"has step {Format(step)}; the step must be positive";
            return false;
        }
        if (max < min)
        {
            error = $"has its maximum {Format(max)} below its minimum {Format(min)}";
            return false;
        }
        var steps = (max - min) / step;
        if (!Near(min + Math.Round(steps) * step, max))
        {
            error = $"does not reach its maximum {Format(max)} from {Format(min)} in steps of {Format(step)}";
            return false;
        }
        if (Math.Round(steps) + 1 > MaxClasses)
        {
            error = $"has {Math.Round(steps) + 1:0} values; at most {MaxClasses} are supported";
            return false;
        }
        scale = new RatingScale(min, max, step);
        return true;
    }

    /// <summary>
    /// The scale of a set of distinct rating values: the well-known scale holding them all (1..5, 1..10, half stars)
    /// when there is one, else their own minimum..maximum in their largest common step. Null when the values lie
    /// on no common step of at most four decimals (continuous scores), or would need too many classes.
    /// </summary>
    public static RatingScale? Detect(IReadOnlyCollection<double> distinctValues)
    {
        if (distinctValues.Count == 0)
        {
            return null;
        }
        var min = distinctValues.Min();
        var max = distinctValues.Max();
        if (CommonStep(distinctValues) is not { } step)
        {
            return null;
        }
        foreach (var known in (ReadOnlySpan<RatingScale>)[OneToFive, OneToTen, HalfStars])
        {
            if (min >= known.Min && max <= known.Max && distinctValues.All(known.Contains))
            {
                return known;
            }
        }
        return TryCreate(min, max, step, out var scale, out _) ? scale : null;
    }

    /// <summary>The largest step on which every value lies, looking at up to four decimals; 1 for a single value.</summary>
    private static double? CommonStep(IReadOnlyCollection<double> values)
    {
        for (var decimals = 0; decimals <= 4; decimals++)
        {
            var factor = Math.Pow(10, decimals);
            var scaled = values.Select(v => v * factor).ToArray();
            if (scaled.Any(v => !Near(v, Math.Round(v)) || Math.Abs(v) > 1e12))
            {
                continue;
            }
            var lowest = (long)Math.Round(scaled.Min());
            long gcd = 0;
            foreach (var v in scaled)
            {
                gcd = Gcd(gcd, (long)Math.Round(v) - lowest);
            }
            return gcd == 0 ? 1 : gcd / factor;
        }
        return null;
    }

    private static bool Near(double value, double onStep) => Math.Abs(value - onStep) <= Tolerance * Math.Max(1, Math.Abs(value));

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return Math.Abs(a);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string Format(double value) => value.ToString("0.#########", CultureInfo.InvariantCulture);
}
