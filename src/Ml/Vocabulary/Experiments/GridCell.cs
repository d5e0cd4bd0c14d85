using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>One dataset × model cell of the grid: one training, both protocols.</summary>
public sealed record GridCell(string Dataset, BaselineKind Model, double? Rmse, double? Mae, double TrainSeconds, IReadOnlyList<CurvePoint> Points)
{
    /// <summary>The split seed of a cell trained only for the ranking verdict; null for the plan's own split.</summary>
    public int? SplitSeed { get; init; }

    public CurvePoint? At(EvaluationProtocol protocol, double threshold, int n) =>
        Points.FirstOrDefault(p => p.Protocol == protocol && p.Threshold == threshold && p.N == n);
}
