namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// The model that measures how hard a dataset is: DeepMF with the paper's settings, trained on a seeded ratio split,
/// scored by its test RMSE. The same settings are used on the source and on every synthetic set, so that the two
/// figures are comparable.
/// </summary>
public sealed record ReferenceModelOptions
{
    public int Factors { get; init; } = 5;

    public int Epochs { get; init; } = 10;

    public int BatchSize { get; init; } = 32;

    public double TestRatio { get; init; } = 0.2;

    public int Seed { get; init; } = 1;

    public string Device { get; init; } = "cpu";
}
