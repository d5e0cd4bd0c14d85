using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Tests;

public sealed class FairnessTests
{
    [Fact]
    public void ActivityBucketsAreTheFifthsWithTheFewestAndTheMostRatings()
    {
        // User u rates u + 1 items: degrees 1..50.
        var users = new List<int>();
        var items = new List<int>();
        for (var u = 0; u < 50; u++)
        {
            for (var i = 0; i <= u; i++)
            {
                users.Add(u);
                items.Add(i);
            }
        }
        var data = RatingsDataset.FromIndices("ramp", [.. users], [.. items], users.Select(_ => 3f).ToArray(), 50, 50, RatingScale.OneToFive);
        var buckets = ActivityBuckets.Of(data);
        Assert.Equal(["cold", "regular", "heavy"], buckets.Values);
        Assert.Equal([10, 30, 10], buckets.Sizes());
        Assert.Equal(0, buckets.GroupOfUser[0]);
        Assert.Equal(2, buckets.GroupOfUser[49]);
        // Everyone alike: no one is cold or heavy by comparison.
        var flat = RatingsDataset.FromIndices("flat", [0, 1, 2], [0, 0, 0], [3f, 4f, 5f], 3, 1, RatingScale.OneToFive);
        Assert.Equal(3, ActivityBuckets.Of(flat).GroupOfUser.Count(g => g == 0));
    }

    [Fact]
    public void SegmentCurvesAddUpToTheWholeCurve()
    {
        var data = TestData.LowRank(60, 40, 0.5);
        var split = DatasetSplit.Ratio(data.Count, 0.3, 2);
        var halves = new UserGrouping("half", ["a", "b"], Enumerable.Range(0, 60).Select(u => u % 2).ToArray());
        var settings = EvaluationSettings.PaperDefaults(data.Scale) with { Segments = [halves, ActivityBuckets.Of(data)] };
        var result = BaselineEvaluator.TrainAndEvaluate(BaselineKind.DeepMf, data, split, new BaselineOptions { Epochs = 2 }, settings);
        var whole = result.Curves[EvaluationProtocol.TestItems];
        var segments = result.Segments.Where(s => s.Attribute == "half").ToList();
        Assert.Equal(2, segments.Count);
        Assert.Equal(split.Test.Select(r => data.Users[r]).Distinct().Count(), segments.Sum(s => s.Users));
        // Precision is averaged over every user with test ratings, so the segments' user-weighted mean is the whole's.
        foreach (var point in whole)
        {
            var weighted = segments.Sum(s => s.Users * s.Points.Single(p => p.N == point.N && p.Threshold == point.Threshold).Precision)
                / segments.Sum(s => s.Users);
            Assert.Equal(point.Precision, weighted, 9);
        }
        Assert.Equal(3, result.Segments.Count(s => s.Attribute == ActivityBuckets.Attribute));
        var wrong = settings with { Segments = [new UserGrouping("x", ["a"], new int[3])] };
        Assert.Throws<ArgumentException>(() => BaselineEvaluator.TrainAndEvaluate(BaselineKind.DeepMf, data, split, new BaselineOptions { Epochs = 1 }, wrong));
    }
}
