using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Shared;

/// <summary>The FigurePair this release stored before the engine's own record replaced it; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.FigurePair")]
public sealed record LegacyFigurePair
{
    [Id(0)] public required double Source { get; init; }
    [Id(1)] public required double Synthetic { get; init; }

    public SourceVsSynthetic ToPair() => new(Source, Synthetic);
}
