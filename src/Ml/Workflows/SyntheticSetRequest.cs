using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>Sample a synthetic dataset from a trained generator and judge it against the generator's source.</summary>
public sealed record SyntheticSetRequest(GanrsModel Generator, SampleOptions Sampling)
{
    public ScorecardTargets Targets { get; init; } = new();

    /// <summary>
    /// The source's ratings, when the caller has them: the near-copy check then compares rating profiles too, and
    /// the ranking verdict can train the models on both sides. Without it the report uses the generator's summary.
    /// </summary>
    public RatingsDataset? Source { get; init; }

    /// <summary>Train the models on both sides and judge their ranking (needs <see cref="Source"/>); null skips it.</summary>
    public RankingOptions? Ranking { get; init; }

    /// <summary>The cores the sampling may use (<c>ThreadBudget</c>); null, every core. The set does not depend on it.</summary>
    public int? Threads { get; init; }
}
