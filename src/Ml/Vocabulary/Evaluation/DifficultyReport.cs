namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// How hard the synthetic set was made: the reference model's test RMSE on the source (the target) and on the
/// synthetic set, the residual noise added to the latent ratings (rating units; 0 for variants that add none), and
/// the reference trainings the search took. <see cref="TargetEstimated"/>: the generator predates the stored source
/// figures, so the target and the noise shapes were estimated (retrain it to measure them).
/// </summary>
public sealed record DifficultyReport(double SourceReferenceRmse, double SyntheticReferenceRmse, double NoiseStd, int ReferenceFits, bool TargetEstimated);
