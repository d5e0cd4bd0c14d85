using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Scenarios;

namespace GanRsSandbox.Cli;

/// <summary>The scenario knobs of <c>generate</c>: conditional groups, cold start, an unbalanced histogram, popularity skew, popularity and liking.</summary>
internal static class ScenarioArguments
{
    /// <summary>The knobs that need no conditional generator: what <c>reproduce</c> applies to every dataset of its grid.</summary>
    public static readonly OptionSpec[] Unconditional =
    [
        new("cold-users", "a cold-start share of users with at most K ratings each, as SHARE:K, e.g. 0.3:5"),
        new("cold-items", "a cold-start share of items with at most K ratings each, as SHARE:K"),
        new("rating-shares", "the rating histogram to produce, as RATING=SHARE,… (default: the source's), e.g. 1=0.05,2=0.05,3=0.1,4=0.3,5=0.5"),
        OptionSpec.Of("popularity-skew", $"the exponent on the source's item popularity shape ({SampleOptions.MinPopularitySkew} to {SampleOptions.MaxPopularitySkew}; above 1 concentrates ratings on popular items)", new SampleOptions().PopularitySkew),
        OptionSpec.Flag("no-popularity-liking", "unlink popularity and liking: each user's and item's mean rating is drawn for a source member at a random rank, not at its own degree rank (the default), so that it owes nothing to how often it is rated"),
    ];

    public static readonly OptionSpec[] Options =
    [
        new("condition", "a categorical user attribute of --users-file to condition the generator on (CGANRS); synthetic users carry it in a group column"),
        new("group-shares", "the conditional groups' shares of the users, as VALUE=SHARE,… (default: the source's), e.g. F=0.5,M=0.5"),
        .. Unconditional,
    ];

    /// <summary>The request with the scenario's knobs set; each one is checked by <see cref="SampleOptions.Validate"/>.</summary>
    public static SampleOptions Apply(CommandLine line, SampleOptions options)
    {
        var groupShares = line.Shares("group-shares");
        if (groupShares is not null && line.String("condition") is null && line.String("generator") is null)
        {
            throw new UsageException("--group-shares: needs a conditional generator (--condition ATTRIBUTE with --users-file, or a --generator trained so)");
        }
        return ApplyUnconditional(line, options) with { GroupShares = groupShares?.ToDictionary(p => p.Key, p => p.Value) };
    }

    /// <summary>The request with the <see cref="Unconditional"/> knobs set.</summary>
    public static SampleOptions ApplyUnconditional(CommandLine line, SampleOptions options)
    {
        IReadOnlyDictionary<double, double>? ratingShares = null;
        if (line.String("rating-shares") is { } ratingText && !ShareList.TryParseRatings(ratingText, out ratingShares, out var ratingError))
        {
            throw new UsageException($"--rating-shares: {ratingError}");
        }
        return options with
        {
            RatingShares = ratingShares,
            ColdUsers = Cold(line, "cold-users"),
            ColdItems = Cold(line, "cold-items"),
            PopularitySkew = line.Double("popularity-skew", SampleOptions.MinPopularitySkew, SampleOptions.MaxPopularitySkew),
            PopularityLiking = !line.Flag("no-popularity-liking"),
        };
    }

    private static ColdStart? Cold(CommandLine line, string name)
    {
        if (line.String(name) is not { } text)
        {
            return null;
        }
        return ColdStart.TryParse(text, out var cold) ? cold : throw new UsageException($"--{name}: '{text}' is not SHARE:K (e.g. 0.3:5)");
    }
}
