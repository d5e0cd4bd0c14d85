namespace GanRsSandbox.Shared;

/// <summary>The ScorecardLine this release stored before the engine's own record replaced it; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ScorecardLine")]
public sealed record LegacyScorecardLine
{
    [Id(0)] public required string Metric { get; init; }
    [Id(1)] public double? Value { get; init; }
    [Id(2)] public required double Target { get; init; }
    [Id(3)] public required string Rule { get; init; }
    [Id(4)] public bool? Pass { get; init; }
}
