using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// The paper's Table III grid for one source: the source, GANRS with 2,000 and 8,000 users, and the sample-size
/// sweep at 2,000 users; the six baselines on every dataset, evaluated under both protocols from one training.
/// </summary>
public sealed record ExperimentPlan
{
    public required GanrsOptions Generator { get; init; }

    public required BaselineOptions Baselines { get; init; }

    public required IReadOnlyList<SyntheticSpec> Synthetic { get; init; }

    public GanrsVariant Variant { get; init; } = GanrsVariants.Default;

    /// <summary>
    /// The scenario every synthetic dataset is sampled under (cold users or items, a rating histogram, a popularity
    /// skew: <see cref="SampleOptions.WithScenarioOf"/>); only its scenario knobs are read. Null: the source's shape.
    /// </summary>
    public SampleOptions? Scenario { get; init; }

    /// <summary>
    /// Split seeds of the ranking verdict (<see cref="Evaluation.RankingVerdict"/>): every dataset × model cell is also
    /// trained on the splits of seeds Seed + 1 … Seed + RankingSeeds − 1, only for the verdict; 1 gives no self-agreement.
    /// </summary>
    public int RankingSeeds { get; init; } = 3;

    public const int MaxRankingSeeds = RankingOptions.MaxSeeds;

    /// <summary>The split seeds, the plan's own first.</summary>
    public IReadOnlyList<int> SplitSeeds => Enumerable.Range(Seed, Math.Clamp(RankingSeeds, 1, MaxRankingSeeds)).ToList();

    public double TestRatio { get; init; } = 0.2;

    public int Seed { get; init; } = 1;

    public string Name { get; init; } = ExperimentPresets.Paper;

    public static ExperimentPlan Paper(int seed = 1, string device = "cpu") => new()
    {
        Name = ExperimentPresets.Paper,
        Seed = seed,
        Generator = new GanrsOptions { Seed = seed, Device = device },
        Baselines = new BaselineOptions { Seed = seed, Device = device },
        Synthetic =
        [
            new("ganrs-2000u-800k", 2000, 4000, 800_000, 2.5, InSampleSweep: true),
            new("ganrs-8000u-800k", 8000, 4000, 800_000, 2.5, InSampleSweep: false),
            new("ganrs-2000u-150k", 2000, 4000, 150_000, 2.5, InSampleSweep: true),
            new("ganrs-2000u-500k", 2000, 4000, 500_000, 2.5, InSampleSweep: true),
            new("ganrs-2000u-3m", 2000, 4000, 3_000_000, 2.5, InSampleSweep: true),
        ],
    };

    /// <summary>The same grid shrunk to minutes: a tenth of the samples, a tenth of the GAN iterations, 3 epochs.</summary>
    public static ExperimentPlan Quick(int seed = 1, string device = "cpu") => Paper(seed, device) with
    {
        Name = ExperimentPresets.Quick,
        Generator = new GanrsOptions { Seed = seed, Device = device, Iterations = 2000, PretrainEpochs = 3, EvaluateEvery = 250, EvaluationSamples = 5000 },
        Baselines = new BaselineOptions { Seed = seed, Device = device, Epochs = 3 },
        Synthetic =
        [
            new("ganrs-2000u-80k", 2000, 4000, 80_000, 2.5, InSampleSweep: true),
            new("ganrs-8000u-80k", 8000, 4000, 80_000, 2.5, InSampleSweep: false),
            new("ganrs-2000u-15k", 2000, 4000, 15_000, 2.5, InSampleSweep: true),
            new("ganrs-2000u-50k", 2000, 4000, 50_000, 2.5, InSampleSweep: true),
            new("ganrs-2000u-300k", 2000, 4000, 300_000, 2.5, InSampleSweep: true),
        ],
    };
}
