namespace GanRsSandbox.Ml.Scenarios;

/// <summary>The scenarios the pages offer in one click, for any source: its own scale and groups decide the numbers.</summary>
public static class ScenarioPresets
{
    /// <summary>30 % of the users with at most 5 ratings each.</summary>
    public static readonly ColdStart ColdUsers = new(0.3, 5);

    /// <summary>The popularity skew under which popular items take a larger share of the ratings than in the source.</summary>
    public const double PopularItems = 2;

    /// <summary>Half the ratings on the scale's top value, then halving down the scale: a deliberately unbalanced histogram.</summary>
    public static IReadOnlyDictionary<double, double> UnbalancedRatings(IEnumerable<double> scaleValues)
    {
        var values = scaleValues.Distinct().OrderByDescending(v => v).ToList();
        var weights = values.Select((_, i) => Math.Pow(0.5, i + 1)).ToList();
        var total = weights.Sum();
        return values.Zip(weights).OrderBy(p => p.First).ToDictionary(p => p.First, p => p.Second / total);
    }

    /// <summary>An equal share of the users for every group.</summary>
    public static IReadOnlyDictionary<string, double> Balanced(IReadOnlyCollection<string> groups) =>
        groups.ToDictionary(g => g, _ => 1.0 / groups.Count, StringComparer.Ordinal);
}
