namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// One figure of a scenario (cold start, group shares, rating shares, popularity skew) on the source and on the
/// synthetic set (the source has none for a distance to its own figures), with what the request asked for where it asked.
/// </summary>
public sealed record ScenarioFigure(string Metric, double? Source, double Synthetic, double? Requested);
