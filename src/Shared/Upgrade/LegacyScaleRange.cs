namespace GanRsSandbox.Shared;

/// <summary>A rating scale as this release stored it before the engine's <c>RatingScale</c>; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ScaleRange")]
public sealed record LegacyScaleRange
{
    [Id(0)] public required int Min { get; init; }
    [Id(1)] public required int Max { get; init; }
}
