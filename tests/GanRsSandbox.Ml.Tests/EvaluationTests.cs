using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Tests;

public sealed class EvaluationTests
{
    [Fact]
    public void The_six_models_trained_side_by_side_score_exactly_as_trained_one_at_a_time()
    {
        var data = TestData.LowRank(users: 50, items: 40, density: 0.4);
        var split = DatasetSplit.Ratio(data.Count, 0.2, 3);
        var request = new GanRsSandbox.Ml.Workflows.BaselineEvaluationRequest(data, split, Enum.GetValues<BaselineKind>(), EvaluationSettings.PaperDefaults(data.Scale))
        {
            Training = new BaselineOptions { Seed = 3, Epochs = 2 },
        };

        var alone = GanRsSandbox.Ml.Workflows.EngineWorkflows.EvaluateBaselines(request with { Threads = 1 });
        var sideBySide = GanRsSandbox.Ml.Workflows.EngineWorkflows.EvaluateBaselines(request with { Threads = 3 });

        Assert.Equal(alone.Select(e => (e.Kind, e.Rmse, e.Mae)), sideBySide.Select(e => (e.Kind, e.Rmse, e.Mae)));
        Assert.Equal(alone.Select(e => e.Curves.SelectMany(c => c.Value)), sideBySide.Select(e => e.Curves.SelectMany(c => c.Value)));
        Assert.Equal(alone.Select(e => e.TestPredictions!.Score), sideBySide.Select(e => e.TestPredictions!.Score));
    }

    private static CurvePoint Point(RankingMetrics metrics, double threshold, int n) =>
        metrics.Curves(EvaluationProtocol.TestItems).Single(c => c.Threshold == threshold && c.N == n);

    [Fact]
    public void TestItemsProtocolMatchesAHandComputedCase()
    {
        var metrics = new RankingMetrics([2], [4]);
        // User A: scores rank items (5, 2, 4); relevant (>=4): two. Top 2 = {5, 2}: 1 hit.
        metrics.AddUser(new UserCandidates([5, 2, 4], [0.9f, 0.8f, 0.1f], null));
        // User B: one test item, relevant, ranked first. Top 2 holds 1 item: precision 1/1.
        metrics.AddUser(new UserCandidates([4], [0.5f], null));
        // User C: nothing relevant: counts for precision (0), not for recall or F1.
        metrics.AddUser(new UserCandidates([1, 2], [0.3f, 0.2f], null));
        var p = Point(metrics, 4, 2);
        Assert.Equal((0.5 + 1 + 0) / 3, p.Precision, 12);
        Assert.Equal((0.5 + 1) / 2, p.Recall, 12);
        Assert.Equal((0.5 + 1) / 2, p.F1, 12); // A: P=R=0.5 so F1=0.5; B: 1.
    }

    [Fact]
    public void ThresholdedProtocolCountsOnlyPredictionsThatReachTheThreshold()
    {
        var metrics = new RankingMetrics([3], [4]);
        float[] predicted = [4.5f, 3.9f, 4.1f];
        // Top 3 = all; recommended = those predicted >= 4: items 0 and 2. True ratings 5, 5, 2.
        metrics.AddUser(new UserCandidates([5, 5, 2], predicted, (i, q) => predicted[i] >= q));
        // Nothing passes the gate: precision 0, recall 0.
        float[] low = [3f];
        metrics.AddUser(new UserCandidates([5], low, (i, q) => low[i] >= q));
        var p = Point(metrics, 4, 3);
        Assert.Equal((0.5 + 0) / 2, p.Precision, 12);
        Assert.Equal((0.5 + 0) / 2, p.Recall, 12);
        Assert.Equal((0.5 + 0) / 2, p.F1, 12);
    }

    [Fact]
    public void TiesKeepTheGivenOrder()
    {
        Assert.Equal([1, 0, 2, 3], RankingMetrics.RankDescending([2f, 3f, 2f, 1f]));
    }

    [Fact]
    public void ErrorMetricsMatchHandComputedValues()
    {
        var (rmse, mae) = ErrorMetrics.Compute([3f, 5f, 1f], [4f, 5f, 3f]);
        Assert.Equal(Math.Sqrt(5.0 / 3), rmse, 12);
        Assert.Equal(1.0, mae, 12);
    }

    [Fact]
    public void AllItemsProtocolRanksEveryUnratedItem()
    {
        var data = TestData.LowRank(30, 20, 0.5);
        var split = DatasetSplit.Ratio(data.Count, 0.3, 2);
        using var model = BaselineModel.Create(BaselineKind.DeepMf, data, new BaselineOptions { Epochs = 2 });
        var training = model.Train(data, split.Train);
        var settings = new EvaluationSettings([2, 10], [4, 5], [EvaluationProtocol.AllItems, EvaluationProtocol.TestItems]);
        var result = BaselineEvaluator.Evaluate(model, data, split, training, settings);
        var all = result.Curves[EvaluationProtocol.AllItems];
        var test = result.Curves[EvaluationProtocol.TestItems];
        Assert.Equal(4, all.Count);
        Assert.All(all.Concat(test), c => Assert.InRange(c.Precision, 0, 1));
        // Among all unrated items relevant ones are rarer than among a user's test items.
        Assert.True(all.Single(c => c is { Threshold: 4, N: 10 }).Precision <= test.Single(c => c is { Threshold: 4, N: 10 }).Precision);
    }

    [Fact]
    public void EveryProtocolWorksOnAOneToTenScale()
    {
        var data = TestData.LowRank(40, 30, 0.6, RatingScale.OneToTen);
        Assert.Contains(data.Ratings, r => r >= 9);
        var split = DatasetSplit.Ratio(data.Count, 0.2, 4);
        var settings = new EvaluationSettings(EvaluationSettings.PaperNs, data.Scale.DefaultThresholds, Enum.GetValues<EvaluationProtocol>());
        foreach (var kind in BaselineKinds.All)
        {
            var result = BaselineEvaluator.TrainAndEvaluate(kind, data, split, new BaselineOptions { Epochs = 2 }, settings);
            foreach (var (_, curves) in result.Curves)
            {
                Assert.Equal(10, curves.Count);
                Assert.Equal([9, 10], curves.Select(c => c.Threshold).Distinct());
                Assert.All(curves, c =>
                {
                    Assert.InRange(c.Precision, 0, 1);
                    Assert.InRange(c.Recall, 0, 1);
                    Assert.InRange(c.F1, 0, 1);
                });
            }
            Assert.Equal(kind.PredictsRating(), result.Rmse is not null);
        }
    }

    [Fact]
    public void RecallGrowsWithN()
    {
        var data = TestData.LowRank(60, 40, 0.6);
        var split = DatasetSplit.Ratio(data.Count, 0.3, 9);
        var result = BaselineEvaluator.TrainAndEvaluate(BaselineKind.DeepMf, data, split, new BaselineOptions { Epochs = 5 },
            EvaluationSettings.PaperDefaults(data.Scale));
        var recall = result.Curves[EvaluationProtocol.TestItems].Where(c => c.Threshold == 4).Select(c => c.Recall).ToArray();
        Assert.Equal(recall.Order(), recall);
    }
}
