using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>
/// The engine's use cases, each one request record in and one result record out: what the grains, the CLI and the
/// grid runner call, so that none of them assembles engine steps or sets libtorch's threads by hand. Every use case
/// runs synchronously on the calling thread (callers put it on a worker) and reports <see cref="StageProgress"/>.
/// </summary>
public static class EngineWorkflows
{
    public static TrainedBaseline TrainBaseline(BaselineTrainingRequest request, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        request.Validate();
        var data = request.Data;
        var split = DatasetSplit.Ratio(data.Count, request.TestRatio, request.SplitSeed ?? request.Training.Seed);
        TorchSharp.torch.set_num_threads(ThreadBudget.IntraOp(request.Training.BatchSize, request.Threads));
        var model = BaselineModel.Create(request.Kind, data, request.Training);
        try
        {
            var training = model.Train(data, split.Train, progress is null ? null : new ProgressRelay<TrainingProgress>(p => progress.Report(p.ToStage())),
                cancellationToken);
            progress?.Report(new StageProgress("evaluate", 0, 1));
            var settings = EvaluationSettings.PaperDefaults(data.Scale) with { Protocols = request.Protocols, Segments = request.Segments };
            return new TrainedBaseline(model, BaselineEvaluator.Evaluate(model, data, split, training, settings), split);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every baseline on the same split, side by side within the request's thread budget (<see cref="ThreadBudget"/>);
    /// the models are disposed once scored, and the results come in the request's order, equal to a sequential run's.
    /// Progress names the model in its detail.
    /// </summary>
    public static IReadOnlyList<ModelEvaluation> EvaluateBaselines(BaselineEvaluationRequest request, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        request.Training.Validate();
        return ThreadBudget.Train(request.Kinds, request.Training.BatchSize, request.Threads, kind => BaselineEvaluator.TrainAndEvaluate(kind, request.Data,
            request.Split, request.Training, request.Settings,
            progress is null ? null : new ProgressRelay<TrainingProgress>(p => progress.Report(p.ToStage() with { Detail = kind.Name() })),
            cancellationToken), cancellationToken);
    }

    public static GanrsModel TrainGenerator(GeneratorTrainingRequest request, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        request.Options.Validate();
        TorchSharp.torch.set_num_threads(ThreadBudget.IntraOp(request.Options.BatchSize, request.Threads));
        return GanrsTrainer.Train(request.Source, request.Options,
            progress is null ? null : new ProgressRelay<GanrsProgress>(p => progress.Report(p.ToStage())), cancellationToken, request.Condition);
    }

    /// <summary>Samples the set (paper steps 4-7 and the variant's own), then measures it against the generator's source.</summary>
    public static SyntheticSet SampleSynthetic(SyntheticSetRequest request, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        request.Sampling.Validate();
        if (request.Ranking is not null && request.Source is null)
        {
            throw new ArgumentException("the ranking verdict trains the models on the source too, so it needs the source's ratings", nameof(request));
        }
        TorchSharp.torch.set_num_threads(ThreadBudget.Cores(request.Threads));
        var result = SyntheticSampler.Sample(request.Generator, request.Sampling, progress, cancellationToken, request.Threads);
        progress?.Report(new StageProgress("fidelity", 0, 1));
        var source = request.Generator.Source;
        var stats = DatasetStats.Compute(result.Dataset);
        var fidelity = FidelityMetrics.Compare(source.Stats, stats, FidelityMetrics.HeadShare(source.ItemDegrees),
                FidelityMetrics.HeadShare(result.Dataset), result.Dcr)
            .WithDegreeShapes(source.UserDegrees, source.ItemDegrees, result.Dataset)
            .WithPopularityRating(source.ItemDegreeRatingSpearman, source.UserDegreeRatingSpearman, result.Dataset) with
        {
            Difficulty = result.Difficulty,
            RawRatingTvd = result.RawRatingTvd,
            CollapsedPairs = result.CollapsedSamples,
            GanRatingTvd = result.GanRatingTvd,
            Structure = result.Structure,
            Scenario = ScenarioFigures.Measure(request.Generator, request.Sampling, result),
        };
        if (request.Ranking is { } ranking)
        {
            fidelity = fidelity with { Ranking = JudgeRanking(request.Source!, result.Dataset, ranking, progress, cancellationToken) };
        }
        return new SyntheticSet(result, fidelity.Scored(request.Targets, result.Dataset.Count)) { Stats = stats };
    }

    /// <summary>Trains every model of <paramref name="options"/> on both datasets over its split seeds and judges their ranking.</summary>
    public static RankingVerdict JudgeRanking(RatingsDataset source, RatingsDataset synthetic, RankingOptions options,
        IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var relay = progress is null ? null : new ProgressRelay<RankingProgress>(p => progress.Report(p.ToStage()));
        var sourceRuns = RankingRuns.Train(source, options, relay, cancellationToken);
        var syntheticRuns = RankingRuns.Train(synthetic, options, relay, cancellationToken);
        return RankingVerdicts.From(sourceRuns, syntheticRuns, options.N);
    }
}
