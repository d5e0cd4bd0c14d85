namespace GanRsSandbox.Ml.Evaluation;

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

    /// <summary>|synthetic − source| Spearman's ρ between a member's ratings count and its mean rating, items and users alike.</summary>
    public double PopularityRatingGap { get; init; } = 0.15;

    /// <summary>The names <c>--target</c> accepts, in the scorecard's order.</summary>
    public static readonly string[] Names =
        ["raw-tvd", "final-tvd", "gini-gap", "head-share-gap", "degree-ks", "rho-gap", "size-error", "reference-rmse-gap", "tau-below-self", "min-tau", "near-copies"];

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
            "rho-gap" => this with { PopularityRatingGap = value },
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
