namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// Whether the synthetic set orders the models as the source does, judged against the source's own noise.
/// <see cref="Tau"/>: Kendall τ-b between the models' F1@N on the source and on the synthetic set, split seed by split
/// seed, averaged. <see cref="SelfAgreementTau"/>: τ between the source's orders on two different split seeds,
/// averaged over every pair of seeds: how much agreement the source itself allows. The protocol and threshold are
/// the ones that spread the models' mean F1@N most on the source, because a protocol that ties the models makes any
/// τ noise. Best and worst agree when the same model has the highest (lowest) mean F1 on both sides.
/// </summary>
public sealed record RankingVerdict(
    EvaluationProtocol Protocol,
    double Threshold,
    int N,
    IReadOnlyList<int> Seeds,
    double? Tau,
    double? SelfAgreementTau,
    bool BestAgrees,
    bool WorstAgrees,
    double SourceSpread,
    IReadOnlyList<RankedModel> Models)
{
    /// <summary>How well the chosen protocol and threshold separate the models on the source (see the type's summary); null with one split seed.</summary>
    public double? Separation { get; init; }
}
