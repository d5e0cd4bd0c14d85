using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Tests;

public sealed class MatchedVariantTests
{
    private static readonly SampleOptions Small = new() { Users = 40, Items = 30, Samples = 6000, Seed = 5, ChunkSize = 1000 };

    private static readonly Lazy<(RatingsDataset Source, GanrsModel Model)> SkewedTrained = new(() =>
    {
        var source = TestData.Skewed(users: 60, items: 40);
        return (source, GanrsTrainer.Train(source, GanrsTests.Tiny));
    });

    [Fact]
    public void MatchedIsTheDefaultVariant() => Assert.Equal(GanrsVariant.Matched, new SampleOptions().Variant);

    [Fact]
    public void ScaledDegreesSumExactlyStayInBoundsAndKeepTheGini()
    {
        var source = Enumerable.Range(1, 500).Select(r => (int)(1000 / Math.Pow(r, 0.8))).ToArray();
        foreach (var (count, total, cap) in new[] { (2000, 300_000L, 4000), (300, 1000L, 50), (50, 2500L, 50) })
        {
            var degrees = DegreeTargets.Scaled(source, count, total, cap);
            Assert.Equal(count, degrees.Length);
            Assert.Equal(total, degrees.Sum(d => (long)d));
            Assert.All(degrees, d => Assert.InRange(d, 1, cap));
            Assert.True(degrees.Zip(degrees.Skip(1)).All(p => p.First >= p.Second), "largest first");
        }
        // Away from the cap and the floor, one common factor leaves the Gini as it was.
        var wide = DegreeTargets.Scaled(source, 500, source.Sum(d => (long)d) * 3, 100_000);
        Assert.Equal(DatasetStats.Gini(source), DatasetStats.Gini(wide), 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => DegreeTargets.Scaled(source, 10, 5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DegreeTargets.Scaled(source, 10, 31, 3));
    }

    [Fact]
    public void ExpectedDistinctPairsGrowWithSamplesAndStayBelowTheGrid()
    {
        var degrees = Enumerable.Range(1, 300).Select(r => 1 + 600 / r).ToArray();
        var few = DegreeTargets.ExpectedDistinctPairs(degrees, degrees, 200, 100, 1000);
        var many = DegreeTargets.ExpectedDistinctPairs(degrees, degrees, 200, 100, 100_000);
        Assert.True(few is > 0 and <= 1000, $"{few}");
        Assert.True(many > few && many < 200 * 100, $"{few} then {many}");
    }

    [Fact]
    public void PairsRealiseTheDegreesExactlyWithoutRepeats()
    {
        var random = new Random(3);
        var users = DegreeTargets.Scaled(Enumerable.Range(1, 80).Select(r => 200 / r + 1).ToArray(), 80, 1500, 60);
        var items = DegreeTargets.Scaled(Enumerable.Range(1, 60).Select(r => 300 / r + 1).ToArray(), 60, 1500, 80);
        // Samples that all land on a few pairs: the fill has to do almost everything.
        var sampleUsers = Enumerable.Range(0, 5000).Select(_ => random.Next(3)).ToArray();
        var sampleItems = Enumerable.Range(0, 5000).Select(_ => random.Next(3)).ToArray();
        var pairs = DegreeMatchedPairs.Build(users, items, sampleUsers, sampleItems, seed: 1);
        Assert.Equal(1500, pairs.Users.Length);
        Assert.Equal(1500, pairs.Users.Zip(pairs.Items).Distinct().Count());
        Assert.Equal(users, DatasetStats.Degrees(pairs.Users, 80));
        Assert.Equal(items, DatasetStats.Degrees(pairs.Items, 60));
        Assert.InRange(pairs.FromSamples, 1, 9);
    }

    [Fact]
    public void AnExactSizeIsMetOnEverySeedWithNoEmptyUserOrItem()
    {
        var (_, model) = SkewedTrained.Value;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var result = SyntheticSampler.Sample(model, Small with { Users = 40, Items = 60, Seed = seed, Ratings = 300, ReferenceFits = 1 });
            Assert.Equal(300, result.Dataset.Count);
            var stats = DatasetStats.Compute(result.Dataset);
            Assert.Equal((40, 60), (stats.Users, stats.Items));
            Assert.Equal(300, result.Structure!.RequestedRatings);
            Assert.Equal(result.Dataset.Count, result.Dataset.Users.Zip(result.Dataset.Items).Distinct().Count());
        }
    }

    [Fact]
    public void TheSizeFromSamplesDoesNotDependOnTheSeed()
    {
        var (_, model) = SkewedTrained.Value;
        var sizes = new[] { 1, 2 }.Select(seed => SyntheticSampler.Sample(model, Small with { Users = 40, Items = 60, Samples = 400, Seed = seed, ReferenceFits = 0 }).Dataset.Count).ToList();
        Assert.Equal(sizes[0], sizes[1]);
        Assert.InRange(sizes[0], 60, 400);
    }

    [Fact]
    public void AtHalfDensityWithHeavyTailsTheSizeComesWithinTwoPercent()
    {
        // A user of the most active kind would need more items than exist; the cap and the swaps get close, not always exact.
        var (_, model) = SkewedTrained.Value;
        var result = SyntheticSampler.Sample(model, Small with { Ratings = 600, ReferenceFits = 0 });
        Assert.InRange(result.Dataset.Count, 588, 600);
    }

    [Fact]
    public void MatchedKeepsTheSourcesPopularityWhereTheStableVariantFlattensIt()
    {
        var (source, model) = SkewedTrained.Value;
        var options = Small with { Users = 40, Items = 60, Ratings = 300, ReferenceFits = 0 };
        var matched = FidelityMetrics.Compare(source, SyntheticSampler.Sample(model, options).Dataset, null);
        var stable = FidelityMetrics.Compare(source, SyntheticSampler.Sample(model, options with { Variant = GanrsVariant.Stable, Ratings = null }).Dataset, null);
        Assert.True(Math.Abs(matched.GiniUsers.Gap) < 0.05, $"user Gini {matched.GiniUsers}");
        Assert.True(Math.Abs(matched.GiniItems.Gap) < 0.05, $"item Gini {matched.GiniItems}");
        Assert.True(Math.Abs(matched.GiniUsers.Gap) < Math.Abs(stable.GiniUsers.Gap), $"{matched.GiniUsers} vs stable {stable.GiniUsers}");
        Assert.True(matched.RatingTvd <= 5.0 / 300, $"final TVD {matched.RatingTvd}");
    }

    [Fact]
    public void TheDifficultySearchReportsBothReferenceErrors()
    {
        var (_, model) = SkewedTrained.Value;
        Assert.NotNull(model.Source.ReferenceRmse);
        var result = SyntheticSampler.Sample(model, Small with { Ratings = 500, ReferenceFits = 2 });
        var difficulty = result.Difficulty!;
        Assert.Equal(model.Source.ReferenceRmse!.Value, difficulty.SourceReferenceRmse);
        Assert.False(difficulty.TargetEstimated);
        Assert.InRange(difficulty.ReferenceFits, 1, 2);
        Assert.True(double.IsFinite(difficulty.SyntheticReferenceRmse) && difficulty.SyntheticReferenceRmse > 0);
        Assert.True(difficulty.NoiseStd > 0);
    }

    [Theory]
    [InlineData(39L, "ratings")]
    [InlineData(601L, "ratings")]
    public void BadSizesNameTheParameter(long ratings, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { Ratings = ratings }).Validate());
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal("ratings", Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { Ratings = 100, Variant = GanrsVariant.Stable }).Validate()).ParamName);
        Assert.Equal("reference-fits", Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { ReferenceFits = 9 }).Validate()).ParamName);
    }

    [Fact]
    public void LogDegreeKsIsZeroForTheSameShapeAtAnotherScaleAndLargeForAnother()
    {
        var a = Enumerable.Range(1, 100).Select(r => 1000 / r).ToArray();
        var doubled = a.Select(d => d * 2).ToArray();
        var flat = Enumerable.Repeat(50, 100).ToArray();
        Assert.Equal(0, FidelityMetrics.LogDegreeKs(a, doubled), 6);
        Assert.True(FidelityMetrics.LogDegreeKs(a, flat) > 0.3);
    }
}

public sealed class EmpiricalDistributionTests
{
    [Fact]
    public void TheCdfInvertsTheQuantilesAndTheMomentsMatchTheSample()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() * random.NextDouble() * 4 - 1).ToArray();
        var distribution = new EmpiricalDistribution(EmpiricalDistribution.Quantiles(values));
        foreach (var p in new[] { 0.05, 0.3, 0.5, 0.9 })
        {
            Assert.Equal(p, distribution.Cdf(distribution.Quantile(p)), 6);
        }
        Assert.Equal(values.Average(), distribution.Mean(), 2);
        var mean = values.Average();
        Assert.Equal(values.Average(v => (v - mean) * (v - mean)), distribution.Variance(), 2);
        Assert.Equal(0, distribution.Cdf(-5));
        Assert.Equal(1, distribution.Cdf(5));
    }

    [Fact]
    public void TheNormalFallbackHasItsMeanAndSpread()
    {
        var normal = EmpiricalDistribution.Normal(3.5, 1.2);
        Assert.Equal(3.5, normal.Mean(), 3);
        Assert.Equal(1.2, Math.Sqrt(normal.Variance()), 1);
        Assert.Equal(0.5, normal.Cdf(3.5), 3);
    }

    [Fact]
    public void TrainingStoresTheSourcesDifficultyAndShapes()
    {
        var (_, model) = GanrsTests.Trained.Value;
        Assert.True(model.Source.ReferenceRmse > 0);
        Assert.Equal(EmpiricalDistribution.Levels, model.Source.PredictionQuantiles!.Length);
        Assert.Equal(EmpiricalDistribution.Levels, model.Source.ResidualQuantiles!.Length);
        Assert.True(model.Source.ResidualQuantiles.Zip(model.Source.ResidualQuantiles.Skip(1)).All(p => p.First <= p.Second));
    }
}
