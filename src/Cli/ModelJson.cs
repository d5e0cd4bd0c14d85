using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli;

public sealed record ModelJson(
    BaselineKind Name, int Epochs, int Batch, double TrainSeconds, double SamplesPerSecond, double? Rmse, double? Mae, IReadOnlyList<CurvePoint> Curves,
    IReadOnlyList<SegmentCurve> Segments)
{
    public static ModelJson From(ModelEvaluation evaluation, EvaluationProtocol protocol) => new(
        evaluation.Kind, evaluation.Training.Epochs, evaluation.Training.BatchSize, evaluation.Training.Seconds,
        evaluation.Training.SamplesPerSecond, evaluation.Rmse, evaluation.Mae,
        evaluation.Curves[protocol], evaluation.Segments);
}
