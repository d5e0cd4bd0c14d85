using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>One point of one curve of one trained model.</summary>
public sealed record GridPoint(string Protocol, int Threshold, int N, double Precision, double Recall, double F1);

/// <summary>One dataset × model cell of the grid: one training, both protocols.</summary>
public sealed record GridCell(string Dataset, string Model, double? Rmse, double? Mae, double TrainSeconds, IReadOnlyList<GridPoint> Points)
{
    /// <summary>The split seed of a cell trained only for the ranking verdict; null for the plan's own split.</summary>
    public int? SplitSeed { get; init; }

    public GridPoint? At(string protocol, int threshold, int n) =>
        Points.FirstOrDefault(p => p.Protocol == protocol && p.Threshold == threshold && p.N == n);
}

/// <summary>Source against synthetic figures, as the fidelity report gives them.</summary>
public sealed record GridFidelity(
    double RatingTvd, double RawRatingTvd, double MeanGap, double DensitySource, double DensitySynthetic, double GiniUsersSource,
    double GiniUsersSynthetic, double GiniItemsSource, double GiniItemsSynthetic, double HeadShareSource, double HeadShareSynthetic,
    double? DcrMedian, long CollapsedPairs)
{
    /// <summary>The reference model's RMSE on the source and on the dataset (null in folders written before it existed).</summary>
    public SourceVsSynthetic? ReferenceRmse { get; init; }
}

public sealed record GridDataset(string Key, bool IsSource, int Users, int Items, int Ratings, long? Samples, bool InSampleSweep, GridFidelity? Fidelity);

/// <summary>A trend the paper expects, with the numbers behind the verdict.</summary>
public sealed record TrendCheck(string Dataset, string Trend, bool Holds, string Evidence);

/// <summary>How well the ranking of models (by F1@10) on a synthetic dataset agrees with the ranking on the source.</summary>
/// <param name="KendallTauAtSmallestN">The same at the smallest N: on sparse data every model can tie at N = 10 (each user
/// has at most 10 test items, and all are recommended), while the head of the list still tells the models apart.</param>
/// <remarks><see cref="Verdict"/> is the judgement: the same definition as <c>fidelity --ranking</c>; the other figures are
/// the plan's own split under test-items at the top threshold, kept for comparison with earlier reports.</remarks>
public sealed record RankingAgreement(string Dataset, double? KendallTau, IReadOnlyList<string> SourceOrder, IReadOnlyList<string> SyntheticOrder,
    int SmallestN = 0, double? KendallTauAtSmallestN = null)
{
    public RankingVerdict? Verdict { get; init; }
}

public sealed record ExperimentReport(
    string Plan, string Source, int Seed, string Variant, string Protocol, int Threshold,
    IReadOnlyList<GridDataset> Datasets, IReadOnlyList<GridCell> Cells, IReadOnlyList<TrendCheck> Trends,
    IReadOnlyList<RankingAgreement> Agreement, double Seconds)
{
    /// <summary>The cells trained on the extra split seeds, for the ranking verdict only.</summary>
    public IReadOnlyList<GridCell> RankingCells { get; init; } = [];
}
