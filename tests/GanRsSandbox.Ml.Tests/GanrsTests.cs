using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Tests;

public sealed class GanrsTests
{
    internal static readonly GanrsOptions Tiny = new()
    {
        PretrainEpochs = 2,
        Iterations = 300,
        EvaluateEvery = 100,
        EvaluationSamples = 2000,
        ReportEvery = 50,
        Seed = 3,
    };

    /// <summary>The stable variant: these tests are about the GAN's own sampling; the matched variant has its own tests.</summary>
    private static readonly SampleOptions Small = new() { Users = 12, Items = 9, Samples = 3000, Seed = 5, ChunkSize = 1000, Variant = GanrsVariant.Stable };

    internal static readonly Lazy<(RatingsDataset Source, GanrsModel Model)> Trained = new(() =>
    {
        var source = TestData.LowRank(30, 20, 0.6);
        return (source, GanrsTrainer.Train(source, Tiny));
    });

    [Fact]
    public void TrainingReportsLossesAndScoresCheckpoints()
    {
        var reports = new List<GanrsProgress>();
        var source = TestData.LowRank(20, 15, 0.6);
        var model = GanrsTrainer.Train(source, Tiny with { Iterations = 200 }, new ListProgress<GanrsProgress>(reports));
        Assert.Contains(reports, r => r.Stage == "pretrain");
        var gan = reports.Where(r => r.Stage == "gan").ToList();
        Assert.Equal(4, gan.Count); // every 50 of 200 iterations
        Assert.All(gan, r => Assert.NotNull(r.DiscriminatorLoss));
        Assert.Equal([100, 200], model.Training.Checkpoints.Select(c => c.Iteration));
        var best = model.Training.Checkpoints.MinBy(c => c.HeldRatingTvd)!;
        Assert.Equal(best.Iteration, model.Training.BestIteration);
        Assert.Equal(best.HeldRatingTvd, model.Training.BestHeldRatingTvd);
        Assert.All(model.Training.Checkpoints, c => Assert.True(c.MomentGap >= 0));
        Assert.Equal(20 * 5, model.UserEmbeddings.Length);
        Assert.Equal(15 * 5, model.ItemEmbeddings.Length);
    }

    [Fact]
    public void SampledDatasetsHonourTheRequest()
    {
        var (source, model) = Trained.Value;
        var result = SyntheticSampler.Sample(model, Small);
        var data = result.Dataset;
        Assert.All(data.Users, u => Assert.InRange(u, 0, Small.Users - 1));
        Assert.All(data.Items, i => Assert.InRange(i, 0, Small.Items - 1));
        Assert.All(data.Ratings, r => Assert.True(r == MathF.Round(r) && source.Scale.Contains(r)));
        var pairs = data.Users.Zip(data.Items).ToHashSet();
        Assert.Equal(data.Count, pairs.Count);
        Assert.Equal(Small.Samples - data.Count, result.CollapsedSamples);
        Assert.Equal(Small.Users, result.Dcr.SyntheticUsers);
    }

    [Fact]
    public void StableVariantMatchesTheSourceRatingHistogram()
    {
        var (source, model) = Trained.Value;
        var result = SyntheticSampler.Sample(model, Small with { Users = 40, Items = 30, Samples = 6000 });
        var report = FidelityMetrics.Compare(source, result.Dataset, result.Dcr);
        // Rank calibration leaves only rounding: at most one rating per value off.
        Assert.True(report.RatingTvd <= 5.0 / result.Dataset.Count, $"TVD {report.RatingTvd}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameDatasetOnAnyNumberOfCoresAndAnotherSeedAnother()
    {
        var (_, model) = Trained.Value;
        var a = SyntheticSampler.Sample(model, Small).Dataset;
        // A silo that gives the job one core gets the same set as one that gives it all.
        var b = SyntheticSampler.Sample(model, Small, threads: 1).Dataset;
        var c = SyntheticSampler.Sample(model, Small with { Seed = 6 }).Dataset;
        Assert.Equal(a.Users, b.Users);
        Assert.Equal(a.Items, b.Items);
        Assert.Equal(a.Ratings, b.Ratings);
        Assert.False(a.Users.SequenceEqual(c.Users) && a.Items.SequenceEqual(c.Items) && a.Ratings.SequenceEqual(c.Ratings));
    }

    [Fact]
    public void StreamingBeyondTheFitLimitAssignsEverySample()
    {
        var (_, model) = Trained.Value;
        var result = SyntheticSampler.Sample(model, Small with { ClusterFitLimit = 1200 });
        Assert.Equal(Small.Samples, result.Samples);
        Assert.Equal(Small.Samples - result.Dataset.Count, result.CollapsedSamples);
        Assert.All(result.Dataset.Users, u => Assert.InRange(u, 0, Small.Users - 1));
    }

    [Fact]
    public void ASavedGeneratorSamplesExactlyAsTheTrainedOne()
    {
        var (_, model) = Trained.Value;
        var path = TestData.WriteTemp("", ".grsg");
        try
        {
            model.Save(path);
            var loaded = GanrsModel.Load(path);
            Assert.Equal(model.UserEmbeddings, loaded.UserEmbeddings);
            Assert.Equal(model.Training.BestIteration, loaded.Training.BestIteration);
            Assert.Equal(model.Source.RatingShares, loaded.Source.RatingShares);
            foreach (var variant in Enum.GetValues<GanrsVariant>().Where(v => v.Objective() == model.Options.Objective))
            {
                var expected = SyntheticSampler.Sample(model, Small with { Variant = variant }).Dataset;
                var actual = SyntheticSampler.Sample(loaded, Small with { Variant = variant }).Dataset;
                Assert.Equal(expected.Users, actual.Users);
                Assert.Equal(expected.Ratings, actual.Ratings);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheFaithfulVariantSamplesTheLastIterateWithMeanMatching()
    {
        var (source, model) = Trained.Value;
        var faithful = SyntheticSampler.Sample(model, Small with { Variant = GanrsVariant.Ganrs });
        Assert.Equal(GanrsVariant.Ganrs, faithful.Variant);
        // Mean matching fixes the mean of the scaled samples, not the histogram; the result is still on the scale.
        Assert.All(faithful.Dataset.Ratings, r => Assert.True(source.Scale.Contains(r)));
    }

    [Fact]
    public void ThePopularVariantSkewsClusterSizes()
    {
        // A source whose user degrees fall off steeply, as in real data; the plain variant's k-means evens them out.
        var source = TestData.Skewed(users: 60, items: 40);
        Assert.True(DatasetStats.Compute(source).GiniUsers > 0.35);
        var model = GanrsTrainer.Train(source, Tiny);
        var options = Small with { Users = 30, Items = 20, Samples = 8000 };
        var plain = DatasetStats.Compute(SyntheticSampler.Sample(model, options).Dataset);
        var popular = DatasetStats.Compute(SyntheticSampler.Sample(model, options with { Variant = GanrsVariant.Popular }).Dataset);
        Assert.True(popular.GiniUsers > plain.GiniUsers, $"{popular.GiniUsers} vs {plain.GiniUsers}");
    }

    [Theory]
    [InlineData(0, 5, 100, 2.5, "users")]
    [InlineData(5, 0, 100, 2.5, "items")]
    [InlineData(50, 5, 20, 2.5, "samples")]
    [InlineData(5, 5, 100, 0, "noise-std")]
    [InlineData(5, 5, SampleOptions.MaxSamples + 1, 2.5, "samples")]
    [InlineData(100_000, 100_000, 50_000_000, 2.5, "users")]
    public void BadSampleRequestsNameTheParameter(int users, int items, long samples, double noise, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SampleOptions { Users = users, Items = items, Samples = samples, NoiseStd = noise }.Validate());
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void LoadingSomethingElseAsAGeneratorIsAClearError()
    {
        var path = TestData.WriteTemp("definitely not a generator");
        try
        {
            Assert.Contains("not a GanRsSandbox generator", Assert.Throws<DataFormatException>(() => GanrsModel.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<DataFormatException>(() => GanrsModel.Load("/no/such/generator.grsg"));
    }

    private sealed class ListProgress<T>(List<T> list) : IProgress<T>
    {
        public void Report(T value) => list.Add(value);
    }
}
