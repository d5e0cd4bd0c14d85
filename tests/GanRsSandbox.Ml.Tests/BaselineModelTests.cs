using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using TorchSharp;

namespace GanRsSandbox.Ml.Tests;

public sealed class BaselineModelTests
{
    private static readonly BaselineOptions Fast = new() { Epochs = 3, BatchSize = 32, Seed = 11 };

    public static TheoryData<BaselineKind> Kinds() => new(BaselineKinds.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SameSeedGivesSamePredictions(BaselineKind kind)
    {
        var data = TestData.LowRank();
        var split = DatasetSplit.Ratio(data.Count, 0.2, 1);
        var first = TrainAndPredict(kind, data, split);
        var second = TrainAndPredict(kind, data, split);
        Assert.Equal(first.Score, second.Score);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TrainingLowersTheLoss(BaselineKind kind)
    {
        var data = TestData.LowRank();
        using var model = BaselineModel.Create(kind, data, Fast with { Epochs = 8 });
        var report = model.Train(data, Enumerable.Range(0, data.Count).ToArray());
        Assert.True(report.EpochLosses[^1] < report.EpochLosses[0], $"{kind}: {string.Join(", ", report.EpochLosses)}");
        Assert.True(report.SamplesPerSecond > 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CheckpointRestoresIdenticalPredictions(BaselineKind kind)
    {
        var data = TestData.LowRank();
        var path = TestData.WriteTemp("", ".grsm");
        try
        {
            using var model = BaselineModel.Create(kind, data, Fast);
            model.Train(data, Enumerable.Range(0, data.Count).ToArray());
            var before = model.PredictForUser(3, Enumerable.Range(0, data.ItemCount).ToArray());
            model.Save(path);
            using var loaded = BaselineModel.Load(path);
            var after = loaded.PredictForUser(3, Enumerable.Range(0, data.ItemCount).ToArray());
            Assert.Equal(kind, loaded.Kind);
            Assert.Equal(before.Score, after.Score);
            Assert.Equal(before.Rating, after.Rating);
            Assert.Equal(before.Reliability, after.Reliability);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadingSomethingElseIsAClearError()
    {
        var path = TestData.WriteTemp("not a model");
        try
        {
            Assert.Contains("not a GanRsSandbox model", Assert.Throws<DataFormatException>(() => BaselineModel.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PredictionsHaveTheShapeTheKindPromises(BaselineKind kind)
    {
        var data = TestData.LowRank();
        using var model = BaselineModel.Create(kind, data, Fast);
        model.Train(data, Enumerable.Range(0, data.Count).ToArray());
        var p = model.PredictForUser(0, Enumerable.Range(0, data.ItemCount).ToArray());
        Assert.Equal(data.ItemCount, p.Score.Length);
        Assert.Equal(kind.PredictsRating(), p.Rating is not null);
        Assert.Equal(kind.IsClassifier(), p.Reliability is not null);
        if (p.Rating is not null)
        {
            Assert.All(p.Rating, r => Assert.InRange(r, 1f, 5f));
        }
        if (p.Reliability is not null)
        {
            // p(argmax) of 5 classes is at least 1/5.
            Assert.All(p.Reliability, r => Assert.InRange(r, 0.2f - 1e-6f, 1f));
        }
        if (kind == BaselineKind.NcfBinary)
        {
            Assert.All(p.Score, s => Assert.InRange(s, 0f, 1f));
        }
    }

    [Fact]
    public void NoTensorOutlivesATrainingStepOrAPrediction()
    {
        var data = TestData.LowRank(20, 20);
        using var model = BaselineModel.Create(BaselineKind.NcfImproved, data, Fast with { Epochs = 1 });
        var rows = Enumerable.Range(0, data.Count).ToArray();
        model.Train(data, rows);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        model.Train(data, rows);
        model.Predict(data.Users, data.Items);
        // The optimizer's moment buffers are created and disposed inside Train; nothing is left behind.
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void LearnsEnoughToBeatTheMeanOnHeldOutRatings()
    {
        var data = TestData.LowRank(80, 60, 0.6);
        var split = DatasetSplit.Ratio(data.Count, 0.2, 3);
        var result = BaselineEvaluator.TrainAndEvaluate(BaselineKind.DeepMf, data, split, Fast with { Epochs = 30, LearningRate = 0.01 },
            EvaluationSettings.PaperDefaults(data.Scale));
        var mean = split.Train.Average(r => data.Ratings[r]);
        var baseline = Math.Sqrt(split.Test.Average(r => Math.Pow(data.Ratings[r] - mean, 2)));
        Assert.True(result.Rmse < baseline, $"RMSE {result.Rmse} vs predicting the mean {baseline}");
    }

    private static Predictions TrainAndPredict(BaselineKind kind, RatingsDataset data, DatasetSplit split)
    {
        using var model = BaselineModel.Create(kind, data, Fast);
        model.Train(data, split.Train);
        return model.Predict(split.Test.Select(r => data.Users[r]).ToArray(), split.Test.Select(r => data.Items[r]).ToArray());
    }
}
