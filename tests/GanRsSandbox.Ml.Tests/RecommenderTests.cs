using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Tests;

public sealed class RecommenderTests
{
    [Fact]
    public void Top_n_excludes_known_items_and_equals_a_full_ranking_of_the_rest()
    {
        var data = TestData.LowRank(users: 30, items: 25, density: 0.4);
        using var model = BaselineModel.Create(BaselineKind.DeepMf, data, new BaselineOptions { Epochs = 2 });
        model.Train(data, Enumerable.Range(0, data.Count).ToArray());
        var recommender = new Recommender(model, data);

        for (var user = 0; user < data.UserCount; user++)
        {
            var known = Enumerable.Range(0, data.Count).Where(r => data.Users[r] == user).Select(r => data.Items[r]).ToHashSet();
            Assert.Equal(known.Order(), recommender.KnownItems(user).ToArray().Order());
            var unrated = Enumerable.Range(0, data.ItemCount).Where(i => !known.Contains(i)).ToArray();
            var scores = model.PredictForUser(user, unrated).Score;
            var expected = unrated.Select((item, i) => (item, score: scores[i])).OrderByDescending(p => p.score).ThenBy(p => p.item).Take(5).ToList();

            var top = recommender.Recommend(user, 5);

            Assert.Equal(expected.Select(p => p.item), top.Select(r => r.Item));
            Assert.Equal(expected.Select(p => p.score), top.Select(r => r.Score));
            Assert.All(top, r => Assert.InRange(r.Rating!.Value, 1f, 5f));
        }
    }

    [Fact]
    public void A_user_who_rated_nearly_everything_gets_what_is_left()
    {
        var ratings = Enumerable.Range(0, 9).Select(i => (user: 0, item: i)).Append((user: 1, item: 0)).ToArray();
        var data = RatingsDataset.FromIndices("tiny", ratings.Select(r => r.user).ToArray(), ratings.Select(r => r.item).ToArray(),
            ratings.Select(_ => 4f).ToArray(), 2, 10, RatingScale.OneToFive);
        using var model = BaselineModel.Create(BaselineKind.NcfClassification, data, new BaselineOptions { Epochs = 1 });
        var top = new Recommender(model, data).Recommend(0, 10);
        Assert.Equal([9], top.Select(r => r.Item));
        Assert.InRange(top[0].Reliability!.Value, 0f, 1f);
    }

    [Fact]
    public void A_model_for_another_shape_of_dataset_is_refused()
    {
        var data = TestData.LowRank(users: 10, items: 8);
        using var model = BaselineModel.Create(BaselineKind.DeepMf, 11, 8, RatingScale.OneToFive);
        Assert.Throws<ArgumentException>(() => new Recommender(model, data));
    }
}

public sealed class DemoDatasetTests
{
    [Fact]
    public void The_demo_is_seeded_long_tailed_and_on_a_five_star_scale()
    {
        var demo = DemoDataset.Create(seed: 1);
        var again = DemoDataset.Create(seed: 1);
        Assert.Equal(demo.Ratings, again.Ratings);
        Assert.Equal(demo.Items, again.Items);
        Assert.NotEqual(demo.Items, DemoDataset.Create(seed: 2).Items);

        var stats = DatasetStats.Compute(demo);
        Assert.Equal((DemoDataset.DefaultUsers, DemoDataset.DefaultItems), (stats.Users, stats.Items));
        Assert.All(demo.Ratings, r => Assert.InRange(r, 1f, 5f));
        Assert.Equal(5, stats.Histogram.Count);
        Assert.InRange(stats.GiniItems, 0.3, 0.8);
        Assert.All(DatasetStats.Degrees(demo.Users, demo.UserCount), d => Assert.True(d >= 10));
        var pairs = demo.Users.Zip(demo.Items).ToHashSet();
        Assert.Equal(demo.Count, pairs.Count);
    }

    [Theory]
    [InlineData("auto", RatingsFileFormat.Auto)]
    [InlineData(null, RatingsFileFormat.Auto)]
    [InlineData("u.data", RatingsFileFormat.MovieLensTab)]
    [InlineData("TAB", RatingsFileFormat.MovieLensTab)]
    [InlineData("ratings.dat", RatingsFileFormat.MovieLensDat)]
    [InlineData("csv", RatingsFileFormat.Csv)]
    public void Format_names_parse(string? text, RatingsFileFormat expected)
    {
        Assert.True(RatingsFileFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void An_unknown_format_name_is_refused() => Assert.False(RatingsFileFormats.TryParse("xml", out _));
}
