using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>One model trained on one split: its F1@N under each protocol and threshold, and its RMSE.</summary>
public sealed record RankingRun(int Seed, BaselineKind Model, IReadOnlyList<RankingScore> Scores, double? Rmse)
{
    public double F1(EvaluationProtocol protocol, double threshold) =>
        Scores.FirstOrDefault(s => s.Protocol == protocol && s.Threshold == threshold)?.F1 ?? double.NaN;
}

/// <summary>Trains every model of <see cref="RankingOptions"/> on every split seed of one dataset.</summary>
public static class RankingRuns
{
    public static IReadOnlyList<RankingRun> Train(RatingsDataset data, RankingOptions options, IProgress<RankingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var settings = new EvaluationSettings([options.N], data.Scale.DefaultThresholds, options.Protocols);
        var runs = new List<RankingRun>();
        var total = options.Seeds.Count * options.Models.Count;
        var threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(TorchRuntime.ThreadsForBatch(options.Training.BatchSize));
        try
        {
            foreach (var seed in options.Seeds)
            {
                var split = DatasetSplit.Ratio(data.Count, options.TestRatio, seed);
                foreach (var kind in options.Models)
                {
                    var done = runs.Count;
                    var relay = progress is null ? null : new ProgressRelay<TrainingProgress>(p => progress.Report(new RankingProgress(data.Name, seed, kind, done, total, p)));
                    var evaluation = BaselineEvaluator.TrainAndEvaluate(kind, data, split, options.Training with { Seed = seed }, settings, relay, cancellationToken);
                    var scores = evaluation.Curves.SelectMany(c => c.Value.Where(p => p.N == options.N).Select(p => new RankingScore(c.Key, p.Threshold, p.F1))).ToList();
                    runs.Add(new RankingRun(seed, kind, scores, evaluation.Rmse));
                }
            }
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }
        return runs;
    }
}
