using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>One model's mean F1@N (under the verdict's protocol and threshold) and mean RMSE over the split seeds.</summary>
public sealed record RankedModel(BaselineKind Model, double SourceF1, double SyntheticF1, double? SourceRmse, double? SyntheticRmse);
