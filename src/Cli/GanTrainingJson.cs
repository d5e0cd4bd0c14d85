namespace GanRsSandbox.Cli;

public sealed record GanTrainingJson(
    int BestIteration, double BestHeldRatingTvd, double FinalHeldRatingTvd,
    IReadOnlyList<GanRsSandbox.Ml.Gan.CheckpointScore> Checkpoints, IReadOnlyList<GanRsSandbox.Ml.Gan.LossPoint> Losses);
