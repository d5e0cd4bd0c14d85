using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>A trained baseline and its scores; the caller owns the model (dispose it, or keep it to serve queries).</summary>
public sealed record TrainedBaseline(BaselineModel Model, ModelEvaluation Evaluation);
