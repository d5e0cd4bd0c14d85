using System.ComponentModel.DataAnnotations;
using GanRsSandbox.Ml.Scenarios;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// How to sample a synthetic dataset: the one shape of a sampling request, with its defaults and bounds. The
/// cluster's request adds only which generator and what name (<c>SyntheticRequest</c> derives from it); the Range
/// attributes publish the bounds in the API's schema, and <see cref="Validate"/> enforces them everywhere.
/// </summary>
public record SampleOptions
{
    /// <summary>The most samples one dataset may ask for (documented in README): 100 million.</summary>
    public const long MaxSamples = 100_000_000;

    /// <summary>The most ratings one dataset may ask for (documented in README): 25 million, an ML-25M.</summary>
    public const long MaxRatings = 25_000_000;

    /// <summary>The most reference-model trainings the difficulty search may take.</summary>
    public const int MaxReferenceFits = 5;

    public const int MaxUsers = 1_000_000;

    public const int MaxItems = 1_000_000;

    public const int MaxKMeansIterations = 10_000;

    public const int MaxChunkSize = 10_000_000;

    [Range(1, MaxUsers)] public int Users { get; init; } = 2000;

    [Range(1, MaxItems)] public int Items { get; init; } = 4000;

    [Range(1, MaxSamples)] public long Samples { get; init; } = 800_000;

    /// <summary>
    /// The exact number of distinct ratings to make (±0.5%; matched variant only). Null: the number that
    /// <see cref="Samples"/> draws give once repeated pairs collapse, under the source's degree shapes.
    /// </summary>
    [Range(1, MaxRatings)] public long? Ratings { get; init; }

    /// <summary>Reference-model trainings the matched variant's difficulty search may take (0: the closed-form first guess only, no reference RMSE).</summary>
    [Range(0, MaxReferenceFits)] public int ReferenceFits { get; init; } = 3;

    /// <summary>The standard deviation of the sampling noise: the paper's "Gaussian standard deviation".</summary>
    public double NoiseStd { get; init; } = 2.5;

    public int Seed { get; init; } = 1;

    public GanrsVariant Variant { get; init; } = GanrsVariants.Default;

    [Range(1, MaxChunkSize)] public int ChunkSize { get; init; } = 100_000;

    /// <summary>k-means fits on at most this many samples; the rest are assigned to the fitted centres as they stream.</summary>
    [Range(1, MaxSamples)] public int ClusterFitLimit { get; init; } = 4_000_000;

    [Range(1, MaxKMeansIterations)] public int KMeansIterations { get; init; } = 100;

    public string Device { get; init; } = "cpu";

    /// <summary>The popularity-skew bounds: the exponent on the source's item degree shape.</summary>
    public const double MinPopularitySkew = 0.25;

    public const double MaxPopularitySkew = 4;

    /// <summary>
    /// A conditional generator's group shares (attribute value → share of the users), for a balanced or deliberately
    /// unbalanced set; values left out get none. Null: the source's shares.
    /// </summary>
    public IReadOnlyDictionary<string, double>? GroupShares { get; init; }

    /// <summary>A share of the users that get at most K ratings each (the rest keep the source's shape above K).</summary>
    public ColdStart? ColdUsers { get; init; }

    /// <summary>A share of the items that get at most K ratings each.</summary>
    public ColdStart? ColdItems { get; init; }

    /// <summary>The rating histogram to produce (rating value → share) instead of the source's, for unbalanced data.</summary>
    public IReadOnlyDictionary<double, double>? RatingShares { get; init; }

    /// <summary>The exponent on the source's item degree shape: above 1 concentrates ratings on popular items, below 1 flattens them.</summary>
    [Range(MinPopularitySkew, MaxPopularitySkew)] public double PopularitySkew { get; init; } = 1;

    /// <summary>
    /// Whether each synthetic user's and item's mean rating follows the source's member at the same activity
    /// (popularity) rank, so that popular items are as well liked, and rare ones as dispersed, as in the source. False
    /// draws it for a member at a random rank instead: means as dispersed as the source's that owe nothing to
    /// popularity (ρ about 0), a scenario for models that should not lean on popularity.
    /// </summary>
    public bool PopularityLiking { get; init; } = true;

    /// <summary>Whether any scenario knob is set (each needs the matched variant, which builds the degrees and the rating histogram).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasScenario => this != WithoutScenario();

    /// <summary>The same request with every scenario knob at its default.</summary>
    public SampleOptions WithoutScenario() => WithScenarioOf(Unset);

    /// <summary>The same request with another's scenario knobs (a grid samples every dataset under one scenario): the one list of them.</summary>
    public SampleOptions WithScenarioOf(SampleOptions scenario) => this with
    {
        GroupShares = scenario.GroupShares,
        ColdUsers = scenario.ColdUsers,
        ColdItems = scenario.ColdItems,
        RatingShares = scenario.RatingShares,
        PopularitySkew = scenario.PopularitySkew,
        PopularityLiking = scenario.PopularityLiking,
    };

    private static readonly SampleOptions Unset = new();

    /// <summary>Checks the request; the messages name the parameter as the CLI and API spell it.</summary>
    public virtual void Validate()
    {
        if (Users is <= 0 or > MaxUsers)
        {
            throw new ArgumentOutOfRangeException("users", Users, $"must be between 1 and {MaxUsers:N0}");
        }
        if (Items is <= 0 or > MaxItems)
        {
            throw new ArgumentOutOfRangeException("items", Items, $"must be between 1 and {MaxItems:N0}");
        }
        if ((long)Users * Items > uint.MaxValue)
        {
            // A (user,item) pair is sorted as a 32-bit number next to a 32-bit random draw.
            throw new ArgumentOutOfRangeException("users", Users, $"users × items must be at most {uint.MaxValue:N0}");
        }
        if (Samples < Users || Samples < Items)
        {
            throw new ArgumentOutOfRangeException("samples", Samples, $"must be at least the number of users ({Users}) and of items ({Items}), so that every cluster can have a member");
        }
        if (Samples > MaxSamples)
        {
            throw new ArgumentOutOfRangeException("samples", Samples, $"must be at most {MaxSamples:N0}");
        }
        if (!(NoiseStd > 0) || !double.IsFinite(NoiseStd))
        {
            throw new ArgumentOutOfRangeException("noise-std", NoiseStd, "must be a positive number");
        }
        if (Ratings is { } ratings)
        {
            if (!Variant.IsMatched())
            {
                throw new ArgumentOutOfRangeException("ratings", ratings, $"an exact size needs the matched variant, not {Variant.Name()}");
            }
            var low = Math.Max(Users, Items);
            var high = Math.Min((long)Users * Items / 2, MaxRatings);
            if (ratings < low || ratings > high)
            {
                throw new ArgumentOutOfRangeException("ratings", ratings,
                    $"must lie between max(users, items) = {low:N0} and min(users × items / 2, {MaxRatings:N0}) = {high:N0}");
            }
        }
        if (ReferenceFits is < 0 or > MaxReferenceFits)
        {
            throw new ArgumentOutOfRangeException("reference-fits", ReferenceFits, $"must be between 0 and {MaxReferenceFits}");
        }
        if (KMeansIterations is < 1 or > MaxKMeansIterations)
        {
            throw new ArgumentOutOfRangeException("kmeans-iterations", KMeansIterations, $"must be between 1 and {MaxKMeansIterations:N0}");
        }
        if (ChunkSize is < 1 or > MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException("chunk-size", ChunkSize, $"must be between 1 and {MaxChunkSize:N0}");
        }
        if (ClusterFitLimit < 1 || ClusterFitLimit > MaxSamples)
        {
            throw new ArgumentOutOfRangeException("cluster-fit-limit", ClusterFitLimit, $"must be between 1 and {MaxSamples:N0}");
        }
        ValidateScenario();
    }

    private void ValidateScenario()
    {
        if (HasScenario && !Variant.IsMatched())
        {
            var knob = GroupShares is not null ? "group-shares" : ColdUsers is not null ? "cold-users" : ColdItems is not null ? "cold-items"
                : RatingShares is not null ? "rating-shares" : !PopularityLiking ? "popularity-liking" : "popularity-skew";
            throw new ArgumentOutOfRangeException(knob, Variant.Name(), $"scenarios build on the matched variant's degrees and rating calibration, not on {Variant.Name()}");
        }
        ColdUsers?.Validate("cold-users", Users, Items);
        ColdItems?.Validate("cold-items", Items, Users);
        if (!(PopularitySkew >= MinPopularitySkew && PopularitySkew <= MaxPopularitySkew))
        {
            throw new ArgumentOutOfRangeException("popularity-skew", PopularitySkew, $"must be between {MinPopularitySkew} and {MaxPopularitySkew}");
        }
        Shares("group-shares", GroupShares?.Values);
        Shares("rating-shares", RatingShares?.Values);
    }

    private static void Shares(string name, IEnumerable<double>? shares)
    {
        if (shares is null)
        {
            return;
        }
        var list = shares.ToList();
        if (list.Count == 0 || list.Any(s => !(s >= 0 && s <= 1)))
        {
            throw new ArgumentOutOfRangeException(name, string.Join(",", list), "each share must lie in [0, 1]");
        }
        if (Math.Abs(list.Sum() - 1) > 1e-3)
        {
            throw new ArgumentOutOfRangeException(name, list.Sum(), "the shares must sum to 1");
        }
    }
}
