using System.ComponentModel.DataAnnotations;

namespace GanRsSandbox.Ml.Gan;

/// <summary>GANRS training settings; the defaults are the authors' (<see cref="For"/> gives those of each objective).</summary>
public sealed record GanrsOptions
{
    /// <summary>The authors' WGANRS settings: RMSprop at 5e-5, batches of 64 (with 5 critic steps and clipping at 0.01).</summary>
    public static readonly GanrsOptions Wasserstein = new() { Objective = GanObjective.Wasserstein, LearningRate = 5e-5, BatchSize = 64 };

    /// <summary>The upper bounds of a training request (README, API table): 50 times the paper's iterations, about 15 minutes on 2 cores.</summary>
    public const int MaxIterations = 1_000_000;

    public const int MaxEpochs = 1000;

    public const int MaxBatchSize = 65_536;

    public const int MaxFactors = 256;

    /// <summary>Noise size and hidden widths.</summary>
    public const int MaxWidth = 4096;

    public const int MaxEvaluationSamples = 1_000_000;

    public const int MaxCriticSteps = 100;

    /// <summary>The adversarial game: the paper's GAN or the Wasserstein one.</summary>
    public GanObjective Objective { get; init; } = GanObjective.Standard;

    /// <summary>Critic updates per generator update (Wasserstein objective only).</summary>
    [Range(1, MaxCriticSteps)] public int CriticSteps { get; init; } = 5;

    /// <summary>The bound the critic's weights are clipped to after each update (Wasserstein objective only).</summary>
    public double WeightClip { get; init; } = 0.01;

    [Range(1, MaxFactors)] public int Factors { get; init; } = 5;

    [Range(1, MaxEpochs)] public int PretrainEpochs { get; init; } = 10;

    [Range(1, MaxBatchSize)] public int PretrainBatchSize { get; init; } = 32;

    public double PretrainLearningRate { get; init; } = 1e-3;

    [Range(1, MaxWidth)] public int NoiseSize { get; init; } = 100;

    [Range(1, MaxWidth)] public int GeneratorHidden1 { get; init; } = 10;

    [Range(1, MaxWidth)] public int GeneratorHidden2 { get; init; } = 20;

    [Range(1, MaxWidth)] public int DiscriminatorHidden { get; init; } = 4;

    public double LearningRate { get; init; } = 2e-4;

    public double Beta1 { get; init; } = 0.5;

    [Range(1, MaxIterations)] public int Iterations { get; init; } = 20_000;

    [Range(1, MaxBatchSize)] public int BatchSize { get; init; } = 32;

    public int Seed { get; init; } = 1;

    /// <summary>How often (in iterations) the stable variant scores the generator on a held sample.</summary>
    public int EvaluateEvery { get; init; } = 500;

    /// <summary>The sampling noise the checkpoint score uses: the paper's 2.5 for MovieLens.</summary>
    public double EvaluationNoiseStd { get; init; } = 2.5;

    [Range(1, MaxEvaluationSamples)] public int EvaluationSamples { get; init; } = 20_000;

    /// <summary>How often (in iterations) progress with the latest losses is reported.</summary>
    public int ReportEvery { get; init; } = 200;

    public string Device { get; init; } = "cpu";

    /// <summary>The authors' settings for an objective: the paper's GANRS, or their WGANRS.</summary>
    public static GanrsOptions For(GanObjective objective) => objective == GanObjective.Wasserstein ? Wasserstein : new GanrsOptions();

    /// <summary>
    /// These settings for another objective: its authors' learning rate and batch size, the rest as they are. A
    /// request that names an objective and leaves those two out gets what the authors used with that objective.
    /// </summary>
    public GanrsOptions WithObjective(GanObjective objective) => objective == Objective
        ? this
        : this with { Objective = objective, LearningRate = For(objective).LearningRate, BatchSize = For(objective).BatchSize };

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
        Within(CriticSteps, nameof(CriticSteps), MaxCriticSteps);
        if (!Enum.IsDefined(Objective))
        {
            throw new ArgumentOutOfRangeException(nameof(Objective), Objective, "not an objective");
        }
        if (!(WeightClip is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightClip), WeightClip, "must lie in (0, 1]");
        }
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
