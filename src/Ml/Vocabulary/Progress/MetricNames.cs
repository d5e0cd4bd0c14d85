namespace GanRsSandbox.Ml.Progress;

/// <summary>The names of the figures a <see cref="StageProgress"/> carries, so that the engine and the pages spell them once.</summary>
public static class MetricNames
{
    public const string DiscriminatorLoss = "discriminatorLoss";
    public const string GeneratorLoss = "generatorLoss";
    public const string HeldRatingTvd = "heldRatingTvd";
    public const string Loss = "loss";
    public const string Epoch = "epoch";
    public const string Epochs = "epochs";
    public const string Rmse = "rmse";
    public const string TargetRmse = "targetRmse";
    public const string Clusters = "clusters";
    public const string Points = "points";
    public const string Ratings = "ratings";
    public const string Moved = "moved";
    public const string Seed = "seed";

    /// <summary>The share of a stage's estimated work done, where steps differ in size (the grid's pieces).</summary>
    public const string Work = "work";
}
