using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>How well the ranking of models (by F1@10) on a synthetic dataset agrees with the ranking on the source.</summary>
/// <param name="KendallTauAtSmallestN">The same at the smallest N: on sparse data every model can tie at N = 10 (each user
/// has at most 10 test items, and all are recommended), while the head of the list still tells the models apart.</param>
/// <remarks><see cref="Verdict"/> is the judgement: the same definition as <c>fidelity --ranking</c>; the other figures are
/// the plan's own split under test-items at the top threshold, kept for comparison with earlier reports.</remarks>
public sealed record RankingAgreement(string Dataset, double? KendallTau, IReadOnlyList<BaselineKind> SourceOrder, IReadOnlyList<BaselineKind> SyntheticOrder,
    int SmallestN = 0, double? KendallTauAtSmallestN = null)
{
    public RankingVerdict? Verdict { get; init; }

    /// <summary>The split seeds the verdict rests on (none until the cells of two seeds exist).</summary>
    public IReadOnlyList<int> Seeds => Verdict?.Seeds ?? [];
}
