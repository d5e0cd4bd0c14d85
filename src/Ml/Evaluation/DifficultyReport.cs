namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// How hard the synthetic set was made: the reference model's test RMSE on the source (the target) and on the
/// synthetic set, the residual noise added to the latent ratings, and the reference trainings the search took.
/// </summary>
public sealed record DifficultyReport(double SourceReferenceRmse, double SyntheticReferenceRmse, double NoiseStd, int ReferenceFits, bool TargetEstimated);
