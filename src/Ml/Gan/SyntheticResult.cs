using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Gan;

/// <param name="RawRatingTvd">The delivered ratings' TVD before the rank calibration, under the paper's decoding.</param>
public sealed record SyntheticResult(
    RatingsDataset Dataset,
    GanrsVariant Variant,
    long Samples,
    long CollapsedSamples,
    double RawRatingTvd,
    int UserKMeansIterations,
    int ItemKMeansIterations,
    SampleTimings Seconds,
    DcrReport Dcr)
{
    /// <summary>The GAN samples' own rating TVD under the paper's decoding (the same figure as <see cref="RawRatingTvd"/> except in the matched variant).</summary>
    public double GanRatingTvd { get; init; } = RawRatingTvd;

    /// <summary>The reference model's RMSE on source and synthetic; null when no reference training was asked for.</summary>
    public DifficultyReport? Difficulty { get; init; }

    public StructureReport? Structure { get; init; }

    /// <summary>The synthetic users' groups, from a conditional generator; null for an unconditional one.</summary>
    public UserGrouping? UserGroups { get; init; }
}
