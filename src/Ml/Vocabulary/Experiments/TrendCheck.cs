namespace GanRsSandbox.Ml.Experiments;

/// <summary>A trend the paper expects, with the numbers behind the verdict.</summary>
public sealed record TrendCheck(string Dataset, string Trend, bool Holds, string Evidence);
