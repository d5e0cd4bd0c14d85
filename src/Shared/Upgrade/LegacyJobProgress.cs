namespace GanRsSandbox.Shared;

/// <summary>The progress record this release stored before the engine's <c>StageProgress</c>; kept only so that old job state still reads.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.JobProgress")]
public sealed record LegacyJobProgress
{
    [Id(0)] public double Fraction { get; init; }
    [Id(1)] public string Stage { get; init; } = "";
    [Id(2)] public string Message { get; init; } = "";
    [Id(3)] public double? EtaSeconds { get; init; }
    [Id(4)] public double? DiscriminatorLoss { get; init; }
    [Id(5)] public double? GeneratorLoss { get; init; }
}
