namespace GanRsSandbox.Ml.Gan;

/// <summary>How synthetic data is drawn from a trained GANRS.</summary>
public enum GanrsVariant
{
    /// <summary>
    /// The generator checkpoint with the best rating fidelity on a held sample (evaluated during training), and
    /// ratings calibrated to the source's histogram by rank instead of by mean only.
    /// </summary>
    Stable,

    /// <summary>The paper's method exactly: the last generator iterate, mean matching, plain k-means.</summary>
    Ganrs,

    /// <summary>As <see cref="Stable"/>, with user and item cluster sizes steered towards the source's degree distribution.</summary>
    Popular,

    /// <summary>
    /// The default: the stable variant's generator and clusters, with the source's user and item degree shapes at
    /// any size, an exact number of ratings, and the source's difficulty (residual noise matched against a reference
    /// model). See <see cref="SyntheticSampler"/>.
    /// </summary>
    Matched,
}

public static class GanrsVariants
{
    /// <summary>The names users type, for error messages.</summary>
    public const string Names = "matched, stable, ganrs or popular";

    public const GanrsVariant Default = GanrsVariant.Matched;

    public static string Name(this GanrsVariant variant) => variant.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out GanrsVariant variant) => NamedValues.TryParse(text, v => v.Name(), out variant);
}

/// <summary>GANRS training settings; the defaults are the authors'.</summary>
public sealed record GanrsOptions
{
    /// <summary>The upper bounds of a training request (README, API table): 50 times the paper's iterations, about 15 minutes on 2 cores.</summary>
    public const int MaxIterations = 1_000_000;

    public const int MaxEpochs = 1000;

    public const int MaxBatchSize = 65_536;

    public const int MaxFactors = 256;

    /// <summary>Noise size and hidden widths.</summary>
    public const int MaxWidth = 4096;

    public const int MaxEvaluationSamples = 1_000_000;

    public int Factors { get; init; } = 5;

    public int PretrainEpochs { get; init; } = 10;

    public int PretrainBatchSize { get; init; } = 32;

    public double PretrainLearningRate { get; init; } = 1e-3;

    public int NoiseSize { get; init; } = 100;

    public int GeneratorHidden1 { get; init; } = 10;

    public int GeneratorHidden2 { get; init; } = 20;

    public int DiscriminatorHidden { get; init; } = 4;

    public double LearningRate { get; init; } = 2e-4;

    public double Beta1 { get; init; } = 0.5;

    public int Iterations { get; init; } = 20_000;

    public int BatchSize { get; init; } = 32;

    public int Seed { get; init; } = 1;

    /// <summary>How often (in iterations) the stable variant scores the generator on a held sample.</summary>
    public int EvaluateEvery { get; init; } = 500;

    /// <summary>The sampling noise the checkpoint score uses: the paper's 2.5 for MovieLens.</summary>
    public double EvaluationNoiseStd { get; init; } = 2.5;

    public int EvaluationSamples { get; init; } = 20_000;

    /// <summary>How often (in iterations) progress with the latest losses is reported.</summary>
    public int ReportEvery { get; init; } = 200;

    public string Device { get; init; } = "cpu";

    public void Validate()
    {
        void Within(int value, string name, int max = int.MaxValue)
        {
            if (value < 1 || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, max == int.MaxValue ? "must be at least 1" : $"must be between 1 and {max:N0}");
            }
        }
        Within(Factors, nameof(Factors), MaxFactors);
        Within(PretrainEpochs, nameof(PretrainEpochs), MaxEpochs);
        Within(PretrainBatchSize, nameof(PretrainBatchSize), MaxBatchSize);
        Within(NoiseSize, nameof(NoiseSize), MaxWidth);
        Within(GeneratorHidden1, nameof(GeneratorHidden1), MaxWidth);
        Within(GeneratorHidden2, nameof(GeneratorHidden2), MaxWidth);
        Within(DiscriminatorHidden, nameof(DiscriminatorHidden), MaxWidth);
        Within(Iterations, nameof(Iterations), MaxIterations);
        Within(BatchSize, nameof(BatchSize), MaxBatchSize);
        Within(EvaluateEvery, nameof(EvaluateEvery));
        Within(EvaluationSamples, nameof(EvaluationSamples), MaxEvaluationSamples);
        Within(ReportEvery, nameof(ReportEvery));
        if (!(LearningRate > 0) || !(PretrainLearningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), "learning rates must be positive");
        }
        if (!(Beta1 is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "must lie in [0, 1)");
        }
        if (!(EvaluationNoiseStd > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(EvaluationNoiseStd), EvaluationNoiseStd, "must be positive");
        }
    }
}

/// <param name="Stage">pretrain or gan.</param>
public sealed record GanrsProgress(string Stage, long Step, long Steps, double? DiscriminatorLoss, double? GeneratorLoss, double? HeldRatingTvd, TimeSpan Elapsed)
{
    public double Fraction => Steps == 0 ? 1 : (double)Step / Steps;

    public TimeSpan? Eta => Step == 0 ? null : Elapsed * ((double)(Steps - Step) / Step);
}
