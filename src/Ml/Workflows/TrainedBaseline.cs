using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>
/// A trained baseline, its scores and the split they were computed on (for <see cref="PredictionsFile"/>); the caller
/// owns the model (dispose it, or keep it to serve queries).
/// </summary>
public sealed record TrainedBaseline(BaselineModel Model, ModelEvaluation Evaluation, DatasetSplit Split);
