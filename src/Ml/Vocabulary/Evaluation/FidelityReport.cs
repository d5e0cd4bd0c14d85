using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// How a synthetic dataset compares with its source: the one shape of the fidelity report, from the engine through
/// the cluster to the CLI's JSON and the pages. The figures after the first seven exist only where they were
/// measured (a sampled set has a raw TVD and a structure; a compared file has neither), and stay out of JSON when null.
/// </summary>
public sealed record FidelityReport(
    double RatingTvd,
    double MeanGap,
    SourceVsSynthetic Density,
    SourceVsSynthetic GiniUsers,
    SourceVsSynthetic GiniItems,
    SourceVsSynthetic HeadShare,
    DcrReport? Dcr)
{
    /// <summary>Kolmogorov–Smirnov distance between the source's and the synthetic set's log(degree / mean degree): the shape of the long tail.</summary>
    public double? UserDegreeKs { get; init; }

    public double? ItemDegreeKs { get; init; }

    /// <summary>Spearman's ρ between an item's number of ratings and its mean rating, on both sides: whether popular items are the well-liked ones.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SourceVsSynthetic? ItemPopularityRating { get; init; }

    /// <summary>Spearman's ρ between a user's number of ratings and their mean rating, on both sides.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SourceVsSynthetic? UserActivityRating { get; init; }

    /// <summary>The delivered ratings' TVD before the rank calibration, under the paper's decoding.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RawRatingTvd { get; init; }

    /// <summary>Samples that landed on a (user, item) pair already drawn.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CollapsedPairs { get; init; }

    /// <summary>The GAN samples' own rating TVD under the paper's decoding: the generator's fidelity before any calibration.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? GanRatingTvd { get; init; }

    /// <summary>The size asked for and how the pairs were placed (matched variant).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StructureReport? Structure { get; init; }

    /// <summary>The model-ranking verdict, when the models were trained on both sides.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RankingVerdict? Ranking { get; init; }

    /// <summary>The reference model's RMSE on both sides: how hard the synthetic set is next to its source.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DifficultyReport? Difficulty { get; init; }

    /// <summary>Every figure against its target.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ScorecardEntry>? Scorecard { get; init; }

    /// <summary>The scenario's figures (cold start, group shares, rating shares, popularity skew) next to the source's; null when none was asked for and the generator is unconditional.</summary>
    public IReadOnlyList<ScenarioFigure>? Scenario { get; init; }
}
