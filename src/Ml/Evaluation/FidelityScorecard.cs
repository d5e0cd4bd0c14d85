namespace GanRsSandbox.Ml.Evaluation;

/// <summary>Turns a fidelity report into the scorecard: one list of metrics, each against its target.</summary>
public static class FidelityScorecard
{
    public const string AtMost = "at most";
    public const string AtLeast = "at least";

    /// <param name="rawRatingTvd">The ratings' TVD before the rank calibration, when the sampler reports one.</param>
    /// <param name="requestedRatings">The size that was asked for, when one was.</param>
    public static IReadOnlyList<ScorecardEntry> Build(FidelityReport report, ScorecardTargets targets, double? rawRatingTvd = null,
        long? requestedRatings = null, long? achievedRatings = null)
    {
        static ScorecardEntry Max(string metric, double? value, double target) =>
            new(metric, value, target, AtMost, value is { } v ? v <= target + 1e-12 : null);
        static ScorecardEntry Min(string metric, double? value, double target) =>
            new(metric, value, target, AtLeast, value is { } v ? v >= target - 1e-12 : null);
        double? sizeError = requestedRatings is { } requested && achievedRatings is { } achieved && requested > 0
            ? Math.Abs(achieved - requested) / (double)requested
            : null;
        double? rmseGap = report.Difficulty is { } d && double.IsFinite(d.SyntheticReferenceRmse)
            ? Math.Abs(d.SyntheticReferenceRmse - d.SourceReferenceRmse) / d.SourceReferenceRmse
            : null;
        var ranking = report.Ranking;
        double? tauMargin = ranking is { Tau: { } tau, SelfAgreementTau: { } self } ? tau - self : null;
        return
        [
            Max("rating TVD, raw", rawRatingTvd, targets.RawRatingTvd),
            Max("rating TVD, final", report.RatingTvd, targets.FinalRatingTvd),
            Max("user Gini gap", Math.Abs(report.GiniUsers.Gap), targets.GiniGap),
            Max("item Gini gap", Math.Abs(report.GiniItems.Gap), targets.GiniGap),
            Max("head-share gap", Math.Abs(report.HeadShare.Gap), targets.HeadShareGap),
            Max("user log-degree KS", report.UserDegreeKs, targets.DegreeKs),
            Max("item log-degree KS", report.ItemDegreeKs, targets.DegreeKs),
            Max("ρ items gap (popularity vs mean rating)", report.ItemPopularityRating is { } items ? Math.Abs(items.Gap) : null, targets.PopularityRatingGap),
            Max("ρ users gap (activity vs mean rating)", report.UserActivityRating is { } users ? Math.Abs(users.Gap) : null, targets.PopularityRatingGap),
            Max("size error (requested vs achieved)", sizeError, targets.SizeError),
            Max("reference RMSE gap (relative)", rmseGap, targets.ReferenceRmseGap),
            Min("τ minus self-agreement τ", tauMargin, -targets.TauBelowSelfAgreement),
            Min("τ", ranking?.Tau, targets.MinTau),
            Max("near copies", report.Dcr?.NearCopies, targets.NearCopies),
        ];
    }

    /// <summary>The report with its scorecard, from the figures it carries.</summary>
    public static FidelityReport Scored(this FidelityReport report, ScorecardTargets targets, long? achievedRatings = null) =>
        report with { Scorecard = Build(report, targets, report.RawRatingTvd, report.Structure?.RequestedRatings, achievedRatings) };
}
