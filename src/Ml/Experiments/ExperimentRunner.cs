using System.Diagnostics;
using System.Text.Json;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;
using GanRsSandbox.Ml.Workflows;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// Runs an <see cref="ExperimentPlan"/> into a folder: the generator (trained once), each synthetic dataset, and
/// each dataset × model cell. Every finished piece is a file written atomically, and a rerun with the same folder
/// reuses it, so an interrupted run resumes where it stopped. The summary files are rewritten at the end.
/// </summary>
public static class ExperimentRunner
{
    public const EvaluationProtocol Protocol = EvaluationProtocol.TestItems;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// The whole grid in this process: its pieces scheduled as a graph (<see cref="GridScheduler"/>) over this machine's
    /// cores, or the budget's, then the summary files.
    /// </summary>
    /// <param name="threads">The cores the run may use (<see cref="ThreadBudget"/>): pieces run side by side within them. Null, every core.</param>
    public static ExperimentReport Run(RatingsDataset source, string outDirectory, ExperimentPlan plan,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default, int? threads = null) =>
        RunAsync(source, outDirectory, plan, progress, cancellationToken, threads).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    public static async Task<ExperimentReport> RunAsync(RatingsDataset source, string outDirectory, ExperimentPlan plan,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default, int? threads = null)
    {
        var clock = Stopwatch.StartNew();
        var sourceInfo = SourceOf(source);
        var folder = Prepare(outDirectory, plan, sourceInfo, source.Name);
        IReadOnlyList<GridWorker> workers = [new GridWorker("this process", ThreadBudget.Cores(threads))];
        // One process: a synthetic dataset is read once for all its cells, not once per cell.
        var loaded = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<RatingsDataset>>(StringComparer.Ordinal);
        RatingsDataset Dataset(string key) => key == GridPiece.SourceKey
            ? source
            : loaded.GetOrAdd(key, k => new Lazy<RatingsDataset>(() => LoadSynthetic(folder, k))).Value;
        await RunGraphAsync(plan, sourceInfo, () => workers, (piece, _, cores, token) =>
            // Its own thread: a piece trains for minutes, and OpenMP's thread count is per OS thread (set by the piece).
            Task.Factory.StartNew(() => RunPiece(Dataset, folder, plan, piece, cores, token), token, TaskCreationOptions.LongRunning,
                TaskScheduler.Default), progress, cancellationToken);
        var report = Finish(folder, plan, sourceInfo, source.Name, clock.Elapsed.TotalSeconds);
        var steps = Pieces(plan).Count;
        progress?.Report(new ExperimentProgress(steps, steps, 1, "grid finished", clock.Elapsed, TimeSpan.Zero));
        return report;
    }

    /// <summary>The source's row of the grid.</summary>
    public static GridDataset SourceOf(RatingsDataset source) => SourceOf(source.UserCount, source.ItemCount, source.Count);

    /// <inheritdoc cref="SourceOf(RatingsDataset)"/>
    public static GridDataset SourceOf(int users, int items, int ratings) => new(GridPiece.SourceKey, true, users, items, ratings, null, false, null);

    /// <summary>A synthetic dataset of the run, as its dataset piece left it in the folder.</summary>
    public static RatingsDataset LoadSynthetic(string folder, string key) => DatasetFile.Load(Path.Combine(folder, "datasets", key + ".grsd"));

    /// <summary>
    /// Every piece of the plan's grid, the critical path first: the generator, the synthetic datasets (which wait for
    /// it), then the cells by split seed, the source's before the synthetic datasets'.
    /// </summary>
    public static IReadOnlyList<GridPiece> Pieces(ExperimentPlan plan)
    {
        if (plan.Synthetic.Select(s => s.Key).Distinct().Count() != plan.Synthetic.Count)
        {
            throw new ArgumentException("every synthetic dataset of a plan needs its own key", nameof(plan));
        }
        var kinds = Enum.GetValues<BaselineKind>();
        var datasets = plan.Synthetic.Select(s => s.Key).Prepend(GridPiece.SourceKey).ToList();
        return
        [
            GridPiece.Generator,
            .. plan.Synthetic.Select(s => new GridPiece(GridPieceKind.Dataset, s.Key)),
            .. from seed in plan.SplitSeeds
               from dataset in datasets
               from kind in kinds
               select new GridPiece(GridPieceKind.Cell, dataset, kind, seed == plan.Seed ? null : seed),
        ];
    }

    /// <summary>The cores a piece keeps busy: one for a training at a small batch, every core for sampling.</summary>
    public static int Demand(ExperimentPlan plan, GridPiece piece) => piece.Kind switch
    {
        GridPieceKind.Generator => ThreadBudget.Demand(Math.Max(plan.Generator.BatchSize, plan.Generator.PretrainBatchSize)),
        GridPieceKind.Dataset => ThreadBudget.MaxThreads,
        _ => ThreadBudget.Demand(plan.Baselines.BatchSize),
    };

    /// <summary>
    /// Schedules the grid's pieces over the workers and reports progress; <paramref name="run"/> runs one piece where
    /// it was placed (a thread of this process, or a job on a silo) and must leave its file in the run's folder.
    /// </summary>
    public static Task RunGraphAsync(ExperimentPlan plan, GridDataset source, Func<IReadOnlyList<GridWorker>> workers,
        Func<GridPiece, GridWorker, int, CancellationToken, Task<GridPieceResult>> run, IProgress<ExperimentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var pieces = Pieces(plan);
        var tracker = new GridProgress(plan, source, pieces, progress);
        return GridScheduler.RunAsync(pieces, piece => Demand(plan, piece), workers, async (piece, worker, cores, token) =>
        {
            tracker.Starting(piece, worker);
            tracker.Done(piece, await run(piece, worker, cores, token));
        }, cancellationToken);
    }

    /// <summary>
    /// Makes the run's folder (or checks that it holds this run) and returns its full path. A folder resumes only the
    /// run that started it.
    /// </summary>
    public static string Prepare(string outDirectory, ExperimentPlan plan, GridDataset source, string sourceName)
    {
        CheckScenario(plan);
        var folder = Directory.CreateDirectory(outDirectory).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "datasets"));
        Directory.CreateDirectory(Path.Combine(folder, "cells"));
        Directory.CreateDirectory(Path.Combine(folder, "figures"));
        CheckSameRun(folder, plan, source, sourceName);
        return folder;
    }

    /// <summary>
    /// Runs one piece into the run's folder, or finds it there finished; the piece it needs must be finished. Every
    /// piece draws only from its own seeded generators, so it gives the same file wherever and whenever it runs.
    /// </summary>
    /// <param name="dataset">The ratings of a dataset by its key (<see cref="GridPiece.SourceKey"/> or a synthetic one), asked only by the pieces that read them.</param>
    /// <param name="threads">The cores granted to the piece, which the engine turns into its libtorch threads.</param>
    public static GridPieceResult RunPiece(Func<string, RatingsDataset> dataset, string folder, ExperimentPlan plan, GridPiece piece, int? threads,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var generatorPath = Path.Combine(folder, "generator.grsg");
        switch (piece.Kind)
        {
            case GridPieceKind.Generator:
                if (File.Exists(generatorPath))
                {
                    return new GridPieceResult(true, "generator: reused from an earlier run");
                }
                var generator = EngineWorkflows.TrainGenerator(new GeneratorTrainingRequest(dataset(GridPiece.SourceKey)) { Options = plan.Generator.WithObjective(plan.Variant.Objective()), Threads = threads },
                    null, cancellationToken);
                generator.Save(generatorPath);
                return new GridPieceResult(false, "generator trained");
            case GridPieceKind.Dataset:
                var spec = plan.Synthetic.Single(s => s.Key == piece.Dataset);
                return Synthetic(folder, spec, plan, () => GanrsModel.Load(generatorPath), threads, cancellationToken);
            default:
                var data = dataset(piece.Dataset!);
                return Cell(folder, data, piece, plan, threads, cancellationToken);
        }
    }

    /// <summary>Analyses a finished run's folder and writes the summary files: results.csv, results.json, report.md and the figures.</summary>
    public static ExperimentReport Finish(string folder, ExperimentPlan plan, GridDataset source, string sourceName, double seconds)
    {
        var read = ReadPartial(folder, plan, source, sourceName);
        var expected = Pieces(plan).Count(p => p.Kind == GridPieceKind.Cell);
        if (read.Cells.Count + read.RankingCells.Count != expected)
        {
            throw new InvalidOperationException($"the grid is not finished: {read.Cells.Count + read.RankingCells.Count} of {expected} cells are in its folder");
        }
        var report = read with { Seconds = seconds };
        ExperimentWriter.WriteAll(folder, report);
        return report;
    }

    /// <summary>
    /// A folder resumes only the run that started it: mixing cells of another plan, seed or source would make a
    /// report that no single run produced.
    /// </summary>
    /// <summary>Refuses, before anything runs, a scenario the grid's datasets could not be sampled under.</summary>
    public static void CheckScenario(ExperimentPlan plan)
    {
        if (plan.Scenario is not { } scenario)
        {
            return;
        }
        if (scenario.GroupShares is not null)
        {
            throw new ArgumentOutOfRangeException("group-shares", "the grid trains a generator without a condition, so it has no groups to share out");
        }
        // The knobs' own checks, at the grid's variant and at each dataset's size.
        foreach (var spec in plan.Synthetic)
        {
            new SampleOptions { Users = spec.Users, Items = spec.Items, Samples = spec.Samples, Variant = plan.Variant }.WithScenarioOf(scenario).Validate();
        }
    }

    private static void CheckSameRun(string folder, ExperimentPlan plan, GridDataset source, string sourceName)
    {
        var identity = JsonSerializer.SerializeToNode(new
        {
            plan.Name,
            plan.Seed,
            Variant = plan.Variant.Name(),
            plan.TestRatio,
            plan.Generator.Iterations,
            plan.Generator.PretrainEpochs,
            plan.Baselines.Epochs,
            plan.RankingSeeds,
            Synthetic = plan.Synthetic.Select(s => s.Key).ToList(),
            Source = new { Name = sourceName, UserCount = source.Users, ItemCount = source.Items, Count = source.Ratings },
        }, Json)!.AsObject();
        if (plan.Scenario is { } scenario)
        {
            // Added only when set, so that a folder of a run without a scenario still resumes as before.
            identity["scenario"] = JsonSerializer.SerializeToNode(new SampleOptions().WithScenarioOf(scenario), Json);
        }
        var fingerprint = identity.ToJsonString(Json);
        var path = Path.Combine(folder, "run.json");
        if (File.Exists(path) && File.ReadAllText(path) != fingerprint)
        {
            throw new ArgumentException($"{folder} holds a run with another plan, seed or source (see its run.json); resume it with the same options or use a new folder", "out");
        }
        ArtifactFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(fingerprint)));
    }

    /// <summary>What a run's folder holds so far (it may still be running): the finished datasets and cells, analysed.</summary>
    public static ExperimentReport ReadPartial(string folder, ExperimentPlan plan, GridDataset source, string sourceName)
    {
        var datasets = new List<GridDataset> { source };
        foreach (var spec in plan.Synthetic)
        {
            var infoPath = Path.Combine(folder, "datasets", spec.Key + ".json");
            if (File.Exists(infoPath))
            {
                datasets.Add(GridDatasetFile.Read(infoPath, Json));
            }
        }
        var cellFolder = Path.Combine(folder, "cells");
        var all = Directory.Exists(cellFolder)
            ? Directory.GetFiles(cellFolder, "*.json").Order(StringComparer.Ordinal)
                .Select(path => JsonSerializer.Deserialize<GridCell>(File.ReadAllText(path), Json)!).ToList()
            : [];
        var order = datasets.Select(d => d.Key).ToList();
        all = all.OrderBy(c => c.SplitSeed ?? 0).ThenBy(c => order.IndexOf(c.Dataset)).ThenBy(c => c.Model).ToList();
        return Analyse(plan, sourceName, datasets, all.Where(c => c.SplitSeed is null).ToList(), all.Where(c => c.SplitSeed is not null).ToList(), 0);
    }

    public static ExperimentReport Analyse(ExperimentPlan plan, string sourceName, IReadOnlyList<GridDataset> datasets, IReadOnlyList<GridCell> cells,
        IReadOnlyList<GridCell> rankingCells, double seconds)
    {
        var threshold = cells.SelectMany(c => c.Points).Select(p => p.Threshold).DefaultIfEmpty(5).Max();
        var trends = new List<TrendCheck>();
        foreach (var dataset in datasets)
        {
            trends.AddRange(ExperimentAnalysis.NTrends(dataset.Key, cells.Where(c => c.Dataset == dataset.Key).ToList(), Protocol, threshold));
        }
        trends.AddRange(ExperimentAnalysis.SampleTrends(datasets.Where(d => d.InSampleSweep).ToList(), cells, Protocol, threshold));
        var everySplit = cells.Concat(rankingCells).ToList();
        var sourceCells = everySplit.Where(c => c.Dataset == "source").ToList();
        var agreement = datasets.Where(d => !d.IsSource)
            .Select(d => ExperimentAnalysis.Agreement(d.Key, sourceCells, everySplit.Where(c => c.Dataset == d.Key).ToList(), Protocol, threshold, plan.Seed))
            .ToList();
        return new ExperimentReport(plan.Name, sourceName, plan.Seed, plan.Variant, Protocol, threshold, datasets, cells, trends, agreement, seconds)
        {
            RankingCells = rankingCells,
        };
    }

    private static GridPieceResult Synthetic(string folder, SyntheticSpec spec, ExperimentPlan plan, Func<GanrsModel> generator, int? threads,
        CancellationToken cancellationToken)
    {
        var dataPath = Path.Combine(folder, "datasets", spec.Key + ".grsd");
        var infoPath = Path.Combine(folder, "datasets", spec.Key + ".json");
        if (File.Exists(dataPath) && File.Exists(infoPath))
        {
            return new GridPieceResult(true, $"{spec.Key}: reused") { Ratings = GridDatasetFile.Read(infoPath, Json).Ratings };
        }
        var options = new SampleOptions
        {
            Users = spec.Users,
            Items = spec.Items,
            Samples = spec.Samples,
            NoiseStd = spec.NoiseStd,
            Seed = plan.Seed,
            Variant = plan.Variant,
            Device = plan.Generator.Device,
        };
        var (result, report) = EngineWorkflows.SampleSynthetic(new SyntheticSetRequest(generator(), plan.Scenario is { } scenario ? options.WithScenarioOf(scenario) : options)
            { Threads = threads }, null, cancellationToken);
        var data = result.Dataset;
        var info = new GridDataset(spec.Key, false, data.UserCount, data.ItemCount, data.Count, spec.Samples, spec.InSampleSweep, report);
        DatasetFile.Save(data, dataPath);
        // The description is written last: its presence is what marks the dataset finished.
        ArtifactFile.Write(infoPath, stream => JsonSerializer.Serialize(stream, info, Json));
        return new GridPieceResult(false, $"{spec.Key}: {data.Count:N0} ratings") { Ratings = data.Count };
    }

    private static GridPieceResult Cell(string folder, RatingsDataset data, GridPiece piece, ExperimentPlan plan, int? threads,
        CancellationToken cancellationToken)
    {
        var (key, kind) = (piece.Dataset!, piece.Model!.Value);
        var path = Path.Combine(folder, "cells", piece.SplitSeed is { } s ? $"{key}.{kind.Name()}.s{s}.json" : $"{key}.{kind.Name()}.json");
        if (File.Exists(path))
        {
            return new GridPieceResult(true, $"{piece}: reused");
        }
        var (model, evaluation, _) = EngineWorkflows.TrainBaseline(new BaselineTrainingRequest(data, kind)
        {
            Training = plan.Baselines with { Seed = piece.SplitSeed ?? plan.Seed },
            TestRatio = plan.TestRatio,
            Threads = threads,
        }, null, cancellationToken);
        model.Dispose();
        var cell = new GridCell(key, kind, evaluation.Rmse, evaluation.Mae, evaluation.Training.Seconds,
            evaluation.Curves.SelectMany(c => c.Value).ToList())
        {
            SplitSeed = piece.SplitSeed,
        };
        ArtifactFile.Write(path, stream => JsonSerializer.Serialize(stream, cell, Json));
        return new GridPieceResult(false, $"{piece}: F1@10 {cell.At(Protocol, data.Scale.Max, 10)?.F1:F3}");
    }
}
