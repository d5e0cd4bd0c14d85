using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Experiments;

public sealed record ExperimentReport(
    string Plan, string Source, int Seed, GanrsVariant Variant, EvaluationProtocol Protocol, double Threshold,
    IReadOnlyList<GridDataset> Datasets, IReadOnlyList<GridCell> Cells, IReadOnlyList<TrendCheck> Trends,
    IReadOnlyList<RankingAgreement> Agreement, double Seconds)
{
    /// <summary>The cells trained on the extra split seeds, for the ranking verdict only.</summary>
    public IReadOnlyList<GridCell> RankingCells { get; init; } = [];
}
