using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Shared;

/// <summary>The CurvePoint this release stored before the engine's own record replaced it; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.CurvePoint")]
public sealed record LegacyCurvePoint
{
    [Id(0)] public required string Protocol { get; init; }
    [Id(1)] public required int Threshold { get; init; }
    [Id(2)] public required int N { get; init; }
    [Id(3)] public required double Precision { get; init; }
    [Id(4)] public required double Recall { get; init; }
    [Id(5)] public required double F1 { get; init; }

    /// <summary>The engine's point; null for a protocol this release no longer knows.</summary>
    public CurvePoint? ToPoint() => NamedValues.TryParse<EvaluationProtocol>(Protocol, out var protocol)
        ? new CurvePoint(protocol, Threshold, N, Precision, Recall, F1)
        : null;
}
