using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

public sealed record ModelEvaluation(
    BaselineKind Kind,
    TrainingReport Training,
    double? Rmse,
    double? Mae,
    IReadOnlyDictionary<EvaluationProtocol, IReadOnlyList<CurvePoint>> Curves)
{
    /// <summary>The model's predictions for the split's test ratings, in the split's order: what the curves were computed from.</summary>
    public Predictions? TestPredictions { get; init; }

    /// <summary>The curves per user segment, for every segmentation the settings asked for; empty when none.</summary>
    public IReadOnlyList<SegmentCurve> Segments { get; init; } = [];
}
