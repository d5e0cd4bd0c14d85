namespace GanRsSandbox.Ml.Evaluation;

/// <summary>One line of the fidelity scorecard: a measured value, the target it is held to, and whether it meets it.</summary>
/// <param name="Rule">"at most" or "at least": how <paramref name="Value"/> compares with <paramref name="Target"/>.</param>
/// <param name="Pass">Null when the value was not measured (no ranking asked for, no requested size).</param>
public sealed record ScorecardEntry(string Metric, double? Value, double Target, string Rule, bool? Pass);
