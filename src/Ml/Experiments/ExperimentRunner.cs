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

    /// <param name="threads">The cores the run may use (<see cref="ThreadBudget"/>): the cells train side by side within them. Null, every core.</param>
    public static ExperimentReport Run(RatingsDataset source, string outDirectory, ExperimentPlan plan,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default, int? threads = null)
    {
        if (plan.Synthetic.Select(s => s.Key).Distinct().Count() != plan.Synthetic.Count)
        {
            throw new ArgumentException("every synthetic dataset of a plan needs its own key", nameof(plan));
        }
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateDirectory(outDirectory).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "datasets"));
        Directory.CreateDirectory(Path.Combine(folder, "cells"));
        Directory.CreateDirectory(Path.Combine(folder, "figures"));
        CheckSameRun(folder, plan, source);
        var kinds = Enum.GetValues<BaselineKind>();
        var tracker = new WorkTracker(plan, source, kinds.Length, clock, progress);

        var sourceInfo = new GridDataset("source", true, source.UserCount, source.ItemCount, source.Count, null, false, null);
        var cores = ThreadBudget.Cores(threads);
        // The source's cells need nothing but the source: they train beside the generator, which at the paper's batch
        // keeps one core busy, on every core but that one. The synthetic datasets' cells follow once they exist.
        var sourcePieces = (from splitSeed in plan.SplitSeeds from kind in kinds select (splitSeed, kind)).ToList();
        var sourceCellsDone = 0;
        GridCell[] TrainSourceCells(int budget) => ThreadBudget.Train(sourcePieces, plan.Baselines.BatchSize, budget, piece =>
        {
            var cell = Cell(folder, sourceInfo, source, piece.kind, plan, piece.splitSeed == plan.Seed ? null : piece.splitSeed, budget, tracker,
                cancellationToken);
            Interlocked.Increment(ref sourceCellsDone);
            return cell;
        }, cancellationToken);
        // On one core nothing runs beside anything: the run is the sequential one that side-by-side runs must equal.
        var sourceCells = cores > 1 ? Task.Run(() => TrainSourceCells(cores - 1), cancellationToken) : null;
        GridCell[] syntheticCells;
        var datasets = new List<(GridDataset Info, RatingsDataset Data)> { (sourceInfo, source) };
        try
        {
            // The generator, trained once and reused by every synthetic dataset.
            var generatorPath = Path.Combine(folder, "generator.grsg");
            GanrsModel generator;
            if (File.Exists(generatorPath))
            {
                generator = GanrsModel.Load(generatorPath);
                tracker.Done(tracker.GeneratorWork, "generator: reused from an earlier run");
            }
            else
            {
                tracker.Starting("training the GANRS generator");
                generator = EngineWorkflows.TrainGenerator(new GeneratorTrainingRequest(source) { Options = plan.Generator }, null, cancellationToken);
                generator.Save(generatorPath);
                tracker.Done(tracker.GeneratorWork, "generator trained");
            }

            foreach (var spec in plan.Synthetic)
            {
                cancellationToken.ThrowIfCancellationRequested();
                datasets.Add(Synthetic(folder, spec, plan, generator, source, tracker, cancellationToken));
            }

            // Sampling collapses repeated pairs unpredictably (30-90% of the samples on ml-100k): now the sizes are known.
            tracker.Reestimate(datasets.Skip(1).Select(d => d.Data.Count), sourcePieces.Count - Volatile.Read(ref sourceCellsDone));
            // Every cell stands alone (its own split seed and generators), so they train side by side and come back in grid order.
            var pieces = (from splitSeed in plan.SplitSeeds from dataset in datasets.Skip(1) from kind in kinds select (splitSeed, dataset, kind)).ToList();
            syntheticCells = ThreadBudget.Train(pieces, plan.Baselines.BatchSize, threads,
                piece => Cell(folder, piece.dataset.Info, piece.dataset.Data, piece.kind, plan, piece.splitSeed == plan.Seed ? null : piece.splitSeed, threads,
                    tracker, cancellationToken), cancellationToken);
        }
        finally
        {
            // Never leave the source's cells running past the run, whatever stopped it.
            try
            {
                sourceCells?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its own failure is rethrown below, unless the run already failed for another reason.
            }
        }
        var ofSource = sourceCells?.GetAwaiter().GetResult() ?? TrainSourceCells(1);
        // Grid order: split seed, then dataset (the source first), then model.
        var trained = plan.SplitSeeds.SelectMany(seed => ofSource.Where(c => (c.SplitSeed ?? plan.Seed) == seed)
            .Concat(syntheticCells.Where(c => (c.SplitSeed ?? plan.Seed) == seed))).ToList();
        var cells = trained.Where(c => c.SplitSeed is null).ToList();
        var rankingCells = trained.Where(c => c.SplitSeed is not null).ToList();

        var report = Analyse(plan, source.Name, datasets.Select(d => d.Info).ToList(), cells, rankingCells, clock.Elapsed.TotalSeconds);
        ExperimentWriter.WriteAll(folder, report);
        tracker.Finish();
        return report;
    }

    /// <summary>
    /// A folder resumes only the run that started it: mixing cells of another plan, seed or source would make a
    /// report that no single run produced.
    /// </summary>
    private static void CheckSameRun(string folder, ExperimentPlan plan, RatingsDataset source)
    {
        var fingerprint = JsonSerializer.Serialize(new
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
            Source = new { source.Name, source.UserCount, source.ItemCount, source.Count },
        }, Json);
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

    private static (GridDataset, RatingsDataset) Synthetic(string folder, SyntheticSpec spec, ExperimentPlan plan, GanrsModel generator,
        RatingsDataset source, WorkTracker tracker, CancellationToken cancellationToken)
    {
        var dataPath = Path.Combine(folder, "datasets", spec.Key + ".grsd");
        var infoPath = Path.Combine(folder, "datasets", spec.Key + ".json");
        if (File.Exists(dataPath) && File.Exists(infoPath))
        {
            var reused = GridDatasetFile.Read(infoPath, Json);
            tracker.Done(tracker.SamplingWork(spec), $"{spec.Key}: reused");
            return (reused, DatasetFile.Load(dataPath));
        }
        tracker.Starting($"sampling {spec.Key} ({spec.Users:N0} users, {spec.Items:N0} items, {spec.Samples:N0} samples)");
        var (result, report) = EngineWorkflows.SampleSynthetic(new SyntheticSetRequest(generator, new SampleOptions
        {
            Users = spec.Users,
            Items = spec.Items,
            Samples = spec.Samples,
            NoiseStd = spec.NoiseStd,
            Seed = plan.Seed,
            Variant = plan.Variant,
            Device = plan.Generator.Device,
        }), null, cancellationToken);
        var data = result.Dataset;
        var info = new GridDataset(spec.Key, false, data.UserCount, data.ItemCount, data.Count, spec.Samples, spec.InSampleSweep, report);
        DatasetFile.Save(data, dataPath);
        // The description is written last: its presence is what marks the dataset finished.
        ArtifactFile.Write(infoPath, stream => JsonSerializer.Serialize(stream, info, Json));
        tracker.Done(tracker.SamplingWork(spec), $"{spec.Key}: {data.Count:N0} ratings");
        return (info, data);
    }

    /// <param name="splitSeed">Null for the plan's own split; another seed for a cell that only the ranking verdict reads.</param>
    /// <param name="threads">The budget of the trainings this one runs beside, which the engine turns into its libtorch threads.</param>
    private static GridCell Cell(string folder, GridDataset dataset, RatingsDataset data, BaselineKind kind, ExperimentPlan plan, int? splitSeed,
        int? threads, WorkTracker tracker, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "cells", splitSeed is { } s ? $"{dataset.Key}.{kind.Name()}.s{s}.json" : $"{dataset.Key}.{kind.Name()}.json");
        var work = tracker.CellWork(data.Count);
        if (File.Exists(path))
        {
            tracker.Done(work, $"{kind.Name()} on {dataset.Key}: reused");
            return JsonSerializer.Deserialize<GridCell>(File.ReadAllText(path), Json)!;
        }
        var seed = splitSeed ?? plan.Seed;
        tracker.Starting($"training {kind.Name()} on {dataset.Key} ({data.Count:N0} ratings){(splitSeed is null ? "" : $", split seed {seed} for the ranking")}");
        var (model, evaluation, _) = EngineWorkflows.TrainBaseline(new BaselineTrainingRequest(data, kind)
        {
            Training = plan.Baselines with { Seed = seed },
            TestRatio = plan.TestRatio,
            Threads = threads,
        }, null, cancellationToken);
        model.Dispose();
        var cell = new GridCell(dataset.Key, kind, evaluation.Rmse, evaluation.Mae, evaluation.Training.Seconds,
            evaluation.Curves.SelectMany(c => c.Value).ToList())
        {
            SplitSeed = splitSeed,
        };
        ArtifactFile.Write(path, stream => JsonSerializer.Serialize(stream, cell, Json));
        tracker.Done(work, $"{kind.Name()} on {dataset.Key}: F1@10 {cell.At(Protocol, data.Scale.Max, 10)?.F1:F3}");
        return cell;
    }

    /// <summary>
    /// Progress by estimated work, in seconds at this machine's measured pace (bench/README.md), so that the ETA
    /// does not treat a 3M-sample dataset like a 150K one. Reused pieces count as done but add no time.
    /// </summary>
    private sealed class WorkTracker(ExperimentPlan plan, RatingsDataset source, int models, Stopwatch clock, IProgress<ExperimentProgress>? progress)
    {
        private double _total = TotalWork(plan, source, models);
        private readonly int _steps = 1 + plan.Synthetic.Count + (1 + plan.Synthetic.Count) * models * plan.SplitSeeds.Count;
        private double _done;
        private double _reused;
        private int _step;
        private readonly Lock _lock = new();

        public double GeneratorWork => plan.Generator.Iterations / 500.0 + plan.Generator.PretrainEpochs * source.Count / 200_000.0;

        public double SamplingWork(SyntheticSpec spec) => 5 + spec.Samples / 25_000.0;

        public double CellWork(long ratings) => 1 + ratings * (1 - plan.TestRatio) * plan.Baselines.Epochs / 100_000.0;

        public void Starting(string message)
        {
            lock (_lock)
            {
                Report(message);
            }
        }

        /// <summary>
        /// Replaces the estimate of the cells' work with one from the synthetic datasets' real sizes, plus the source's
        /// cells not yet done (they train beside the rest, so some are already counted in the work done).
        /// </summary>
        public void Reestimate(IEnumerable<int> syntheticRatings, int sourceCellsLeft)
        {
            lock (_lock)
            {
                _total = _done + models * plan.SplitSeeds.Count * syntheticRatings.Sum(ratings => CellWork(ratings)) + sourceCellsLeft * CellWork(source.Count);
            }
        }

        /// <remarks>Thread-safe: cells finish side by side.</remarks>
        public void Done(double work, string message)
        {
            lock (_lock)
            {
                _done += work;
                if (message.EndsWith("reused", StringComparison.Ordinal) || message.Contains("reused from", StringComparison.Ordinal))
                {
                    _reused += work;
                }
                _step++;
                Report(message);
            }
        }

        public void Finish() => progress?.Report(new ExperimentProgress(_steps, _steps, 1, "grid finished", clock.Elapsed, TimeSpan.Zero));

        private void Report(string message)
        {
            var fraction = Math.Clamp(_done / _total, 0, 1);
            var computed = _done - _reused;
            TimeSpan? eta = computed > 0 ? clock.Elapsed * ((_total - _done) / computed) : null;
            progress?.Report(new ExperimentProgress(Math.Min(_step + 1, _steps), _steps, fraction, message, clock.Elapsed, eta));
        }

        private static double TotalWork(ExperimentPlan plan, RatingsDataset source, int models)
        {
            // Synthetic datasets are estimated at 40% of their samples surviving de-duplication (ml-100k measured 30-60%).
            var generator = plan.Generator.Iterations / 500.0 + plan.Generator.PretrainEpochs * source.Count / 200_000.0;
            var sampling = plan.Synthetic.Sum(s => 5 + s.Samples / 25_000.0);
            double Cell(double ratings) => 1 + ratings * (1 - plan.TestRatio) * plan.Baselines.Epochs / 100_000.0;
            var cells = models * plan.SplitSeeds.Count * (Cell(source.Count) + plan.Synthetic.Sum(s => Cell(s.Samples * 0.4)));
            return generator + sampling + cells;
        }
    }
}
