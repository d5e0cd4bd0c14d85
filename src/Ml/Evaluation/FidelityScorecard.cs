namespace GanRsSandbox.Ml.Evaluation;

/// <summary>One line of the fidelity scorecard: a measured value, the target it is held to, and whether it meets it.</summary>
/// <param name="Rule">"at most" or "at least": how <paramref name="Value"/> compares with <paramref name="Target"/>.</param>
/// <param name="Pass">Null when the value was not measured (no ranking asked for, no requested size).</param>
public sealed record ScorecardEntry(string Metric, double? Value, double Target, string Rule, bool? Pass);

/// <summary>The scorecard's targets; every one can be changed by the user (CLI <c>--target name=value</c>).</summary>
public sealed record ScorecardTargets
{
    public double RawRatingTvd { get; init; } = 0.05;

    public double FinalRatingTvd { get; init; } = 0.01;

    /// <summary>|synthetic − source| Gini of user degrees and of item degrees.</summary>
    public double GiniGap { get; init; } = 0.05;

    public double HeadShareGap { get; init; } = 0.05;

    /// <summary>Kolmogorov–Smirnov distance of the log-degree distributions (each relative to its mean degree).</summary>
    public double DegreeKs { get; init; } = 0.1;

    /// <summary>|achieved − requested| / requested ratings.</summary>
    public double SizeError { get; init; } = 0.005;

    /// <summary>|synthetic − source| / source reference RMSE.</summary>
    public double ReferenceRmseGap { get; init; } = 0.10;

    /// <summary>How far τ may fall below the source's self-agreement τ.</summary>
    public double TauBelowSelfAgreement { get; init; } = 0.15;

    public double MinTau { get; init; } = 0.6;

    public int NearCopies { get; init; }

    /// <summary>The names <c>--target</c> accepts, in the scorecard's order.</summary>
    public static readonly string[] Names =
        ["raw-tvd", "final-tvd", "gini-gap", "head-share-gap", "degree-ks", "size-error", "reference-rmse-gap", "tau-below-self", "min-tau", "near-copies"];

    /// <summary>These targets with one changed by name; false for an unknown name.</summary>
    public bool TryWith(string name, double value, out ScorecardTargets changed)
    {
        changed = name switch
        {
            "raw-tvd" => this with { RawRatingTvd = value },
            "final-tvd" => this with { FinalRatingTvd = value },
            "gini-gap" => this with { GiniGap = value },
            "head-share-gap" => this with { HeadShareGap = value },
            "degree-ks" => this with { DegreeKs = value },
            "size-error" => this with { SizeError = value },
            "reference-rmse-gap" => this with { ReferenceRmseGap = value },
            "tau-below-self" => this with { TauBelowSelfAgreement = value },
            "min-tau" => this with { MinTau = value },
            "near-copies" => this with { NearCopies = (int)value },
            _ => this,
        };
        return Names.Contains(name);
    }
}

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
            Max("size error (requested vs achieved)", sizeError, targets.SizeError),
            Max("reference RMSE gap (relative)", rmseGap, targets.ReferenceRmseGap),
            Min("τ minus self-agreement τ", tauMargin, -targets.TauBelowSelfAgreement),
            Min("τ", ranking?.Tau, targets.MinTau),
            Max("near copies", report.Dcr?.NearCopies, targets.NearCopies),
        ];
    }
}
