using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Shared;

/// <summary>The FidelitySummary this release stored before the engine's own record replaced it; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.FidelitySummary")]
public sealed record LegacyFidelitySummary
{
    [Id(0)] public required double RatingTvd { get; init; }
    [Id(1)] public double? RawRatingTvd { get; init; }
    [Id(2)] public required double MeanGap { get; init; }
    [Id(3)] public required LegacyFigurePair Density { get; init; }
    [Id(4)] public required LegacyFigurePair GiniUsers { get; init; }
    [Id(5)] public required LegacyFigurePair GiniItems { get; init; }
    [Id(6)] public required LegacyFigurePair HeadShare { get; init; }
    [Id(7)] public double? DcrMedian { get; init; }
    [Id(8)] public double? DcrP5 { get; init; }
    [Id(9)] public int? NearCopies { get; init; }
    [Id(10)] public required long CollapsedPairs { get; init; }
    /// <summary>KS distance of the log(degree / mean) distributions: the shape of the long tail.</summary>
    [Id(11)] public double? UserDegreeKs { get; init; }
    [Id(12)] public double? ItemDegreeKs { get; init; }
    /// <summary>The reference model's test RMSE on the source and on the synthetic set.</summary>
    [Id(13)] public LegacyFigurePair? ReferenceRmse { get; init; }
    /// <summary>The residual noise the matched variant gave the ratings, in rating units.</summary>
    [Id(14)] public double? NoiseStd { get; init; }
    [Id(15)] public long? RequestedRatings { get; init; }
    /// <summary>The GAN samples' own rating TVD under the paper's decoding.</summary>
    [Id(16)] public double? GanRatingTvd { get; init; }
    [Id(17)] public IReadOnlyList<LegacyScorecardLine> Scorecard { get; init; } = [];

    /// <summary>
    /// The engine's report with every figure this summary kept. What it never stored stays unknown: the DCR's space
    /// and near-copy threshold (NaN), the reference trainings (0) and how the pairs were placed (0).
    /// </summary>
    public FidelityReport ToReport() => new(RatingTvd, MeanGap, Density.ToPair(), GiniUsers.ToPair(), GiniItems.ToPair(), HeadShare.ToPair(),
        DcrMedian is { } median ? new DcrReport("embedding", DcrP5 ?? double.NaN, median, NearCopies ?? 0, double.NaN, 0) : null)
    {
        UserDegreeKs = UserDegreeKs,
        ItemDegreeKs = ItemDegreeKs,
        RawRatingTvd = RawRatingTvd,
        CollapsedPairs = CollapsedPairs,
        GanRatingTvd = GanRatingTvd,
        Structure = RequestedRatings is { } requested ? new StructureReport(requested, 0, 0, 0) : null,
        Difficulty = ReferenceRmse is { } rmse ? new DifficultyReport(rmse.Source, rmse.Synthetic, NoiseStd ?? 0, 0, false) : null,
        Scorecard = Scorecard.Select(l => new ScorecardEntry(l.Metric, l.Value, l.Target, l.Rule, l.Pass)).ToList(),
    };
}
