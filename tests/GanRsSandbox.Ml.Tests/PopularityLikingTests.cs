using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Tests;

/// <summary>The matched variant keeps how well liked a member is as a function of how often it is rated.</summary>
public sealed class PopularityLikingTests
{
    private static readonly Lazy<(RatingsDataset Source, GanrsModel Model)> Trained = new(() =>
    {
        var source = TestData.PopularLiked(users: 300, items: 100);
        return (source, GanrsTrainer.Train(source, GanrsTests.Tiny with { PretrainEpochs = 20 }));
    });

    [Fact]
    public void OffsetsFollowDegreeAndShrinkTheRarelyRatedTowardsTheirPeers()
    {
        var source = TestData.PopularLiked(users: 120, items: 90);
        var (users, items) = MemberOffsets.Estimate(source, seed: 1);
        Assert.Equal(DatasetStats.Degrees(source.Items, source.ItemCount).Count(d => d > 0), items.Means.Length);
        Assert.Equal(source.UserCount, users.Means.Length);
        var third = items.Means.Length / 3;
        Assert.True(items.Means[..third].Average() > items.Means[^third..].Average() + 0.5,
            $"popular {items.Means[..third].Average():F2}, rare {items.Means[^third..].Average():F2}");
        // The estimate of a member with few ratings is less certain than one with many.
        Assert.True(items.Spreads[^1] > items.Spreads[0], $"{items.Spreads[^1]} vs {items.Spreads[0]}");

        // Members that differ by nothing but noise get offsets of about zero.
        var flat = TestData.LowRank(40, 30, 0.8);
        var constant = RatingsDataset.FromIndices("flat", flat.Users, flat.Items, Array.ConvertAll(flat.Ratings, _ => 3f), 40, 30, RatingScale.OneToFive);
        var (flatUsers, flatItems) = MemberOffsets.Estimate(constant, seed: 1);
        Assert.All(flatUsers.Means.Concat(flatItems.Means), m => Assert.Equal(0, m, 6));
    }

    [Fact]
    public void FittedOffsetsGiveEveryMemberItsTargetMeanOnTheGivenPairs()
    {
        var random = new Random(4);
        var pairs = Enumerable.Range(0, 3000).Select(_ => (User: random.Next(50), Item: (int)(40 * Math.Pow(random.NextDouble(), 2)))).Distinct().ToArray();
        var users = pairs.Select(p => p.User).ToArray();
        var items = pairs.Select(p => p.Item).ToArray();
        var userTargets = Enumerable.Range(0, 50).Select(_ => random.NextDouble() - 0.5).ToArray();
        var itemTargets = Enumerable.Range(0, 40).Select(i => 1 - i / 20.0).ToArray();
        var (userOffsets, itemOffsets) = MemberOffsets.Fit(userTargets, itemTargets, users, items);

        double CentredTarget(double[] targets, int[] members, int m) => targets[m] - members.Average(x => targets[x]);
        for (var item = 0; item < 40; item++)
        {
            var rows = Enumerable.Range(0, pairs.Length).Where(j => items[j] == item).ToArray();
            Assert.Equal(CentredTarget(itemTargets, items, item), rows.Average(j => userOffsets[users[j]] + itemOffsets[item]), 3);
        }
        for (var user = 0; user < 50; user++)
        {
            var rows = Enumerable.Range(0, pairs.Length).Where(j => users[j] == user).ToArray();
            Assert.Equal(CentredTarget(userTargets, users, user), rows.Average(j => userOffsets[user] + itemOffsets[items[j]]), 3);
        }

        // The interaction part of any values has a zero mean for every member.
        var values = pairs.Select(_ => random.NextDouble() * 4).ToArray();
        var interaction = (double[])values.Clone();
        MemberOffsets.KeepInteraction(interaction, users, 50, items, 40);
        Assert.All(Enumerable.Range(0, 40), item => Assert.Equal(0, Enumerable.Range(0, pairs.Length).Where(j => items[j] == item).Average(j => interaction[j]), 2));
    }

    [Fact]
    public void SyntheticItemsAreAsWellLikedByPopularityAsTheSourcesOrNotAtAllWhenUnlinked()
    {
        var (source, model) = Trained.Value;
        var sourceRho = FidelityMetrics.DegreeRatingSpearman(source.Items, source.ItemCount, source.Ratings);
        Assert.True(sourceRho > 0.5, $"the source's link: {sourceRho:F2}");
        var options = new SampleOptions { Users = 300, Items = 100, Samples = 20000, Ratings = source.Count, Seed = 2, ReferenceFits = 0, ChunkSize = 2000 };
        var linked = SyntheticSampler.Sample(model, options).Dataset;
        var unlinked = SyntheticSampler.Sample(model, options with { PopularityLiking = false }).Dataset;
        var linkedRho = FidelityMetrics.DegreeRatingSpearman(linked.Items, linked.ItemCount, linked.Ratings);
        var unlinkedRho = FidelityMetrics.DegreeRatingSpearman(unlinked.Items, unlinked.ItemCount, unlinked.Ratings);
        Assert.True(Math.Abs(linkedRho - sourceRho) <= 0.1, $"source {sourceRho:F2}, linked {linkedRho:F2}");
        Assert.True(Math.Abs(unlinkedRho) <= 0.2, $"source {sourceRho:F2}, linked {linkedRho:F2}, unlinked {unlinkedRho:F2}");
        // The link changes who likes what, not the histogram or the degrees the scorecard holds to.
        Assert.Equal(DatasetStats.Compute(unlinked).Histogram, DatasetStats.Compute(linked).Histogram);
        Assert.Equal(DatasetStats.Degrees(unlinked.Items, 100), DatasetStats.Degrees(linked.Items, 100));
    }

    [Fact]
    public void TurningTheLinkOffIsAScenarioOfTheMatchedVariantOnly()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SampleOptions { Variant = GanrsVariant.Stable, PopularityLiking = false }.Validate());
        Assert.Equal("popularity-liking", error.ParamName);
        Assert.False(new SampleOptions().WithScenarioOf(new SampleOptions { PopularityLiking = false }).PopularityLiking);
    }
}
