namespace GanRsSandbox.Ml.Gan;

public sealed record GanrsTrainingSummary(
    double PretrainSeconds,
    double GanSeconds,
    int BestIteration,
    double BestHeldRatingTvd,
    double FinalHeldRatingTvd,
    IReadOnlyList<CheckpointScore> Checkpoints,
    IReadOnlyList<LossPoint> Losses);
