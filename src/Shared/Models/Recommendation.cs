namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.Recommendation")]
public sealed record Recommendation
{
    [Id(0)] public required string Item { get; init; }
    [Id(1)] public required double Score { get; init; }
    [Id(2)] public double? PredictedRating { get; init; }
    /// <summary>p(argmax) for classification models; null for the others.</summary>
    [Id(3)] public double? Reliability { get; init; }
}
