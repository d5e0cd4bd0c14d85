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
    /// <summary>Every (seed, model) run, side by side within <paramref name="threads"/> cores (<see cref="ThreadBudget"/>), in seed then model order.</summary>
    public static IReadOnlyList<RankingRun> Train(RatingsDataset data, RankingOptions options, IProgress<RankingProgress>? progress = null,
        CancellationToken cancellationToken = default, int? threads = null)
    {
        options.Validate();
        var settings = new EvaluationSettings([options.N], data.Scale.DefaultThresholds, options.Protocols);
        var total = options.Seeds.Count * options.Models.Count;
        var splits = options.Seeds.ToDictionary(seed => seed, seed => DatasetSplit.Ratio(data.Count, options.TestRatio, seed));
        var runs = options.Seeds.SelectMany(seed => options.Models.Select(kind => (Seed: seed, Kind: kind))).ToList();
        var done = 0;
        var before = TorchSharp.torch.get_num_threads();
        try
        {
            return ThreadBudget.Train(runs, options.Training.BatchSize, threads, run =>
            {
                var relay = progress is null ? null
                    : new ProgressRelay<TrainingProgress>(p => progress.Report(new RankingProgress(data.Name, run.Seed, run.Kind, Volatile.Read(ref done), total, p)));
                var evaluation = BaselineEvaluator.TrainAndEvaluate(run.Kind, data, splits[run.Seed], options.Training with { Seed = run.Seed }, settings, relay,
                    cancellationToken);
                Interlocked.Increment(ref done);
                var scores = evaluation.Curves.SelectMany(c => c.Value.Where(p => p.N == options.N).Select(p => new RankingScore(c.Key, p.Threshold, p.F1))).ToList();
                return new RankingRun(run.Seed, run.Kind, scores, evaluation.Rmse);
            }, cancellationToken);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(before);
        }
    }
}
