using System.Diagnostics;
using System.Globalization;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Cli;

internal static class GenerateCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = new CommandLine(args, new HashSet<string> { "compare-faithful", "ranking" });
        var sourcePath = line.Positional(0, "the SOURCE ratings file");
        var variantText = line.String("variant") ?? GanrsVariants.Default.Name();
        if (!GanrsVariants.TryParse(variantText, out var variant))
        {
            throw new UsageException($"--variant: unknown variant '{variantText}' ({GanrsVariants.Names})");
        }
        var seed = line.Int("seed", 1);
        var device = Devices.Parse(line.String("device"));
        var sample = new SampleOptions
        {
            Users = line.Int("users", 2000),
            Items = line.Int("items", 4000),
            Samples = line.Long("samples", 800_000),
            Ratings = line.String("ratings") is null ? null : line.Long("ratings", 0),
            ReferenceFits = line.Int("reference-fits", 3, 0, SampleOptions.MaxReferenceFits),
            NoiseStd = line.Double("noise-std", 2.5),
            Seed = seed,
            Variant = variant,
            KMeansIterations = line.Int("kmeans-iterations", 100, 1, SampleOptions.MaxKMeansIterations),
            Device = device,
        };
        // Checked before the source is read, so that a bad request fails at once.
        sample.Validate();
        var training = new GanrsOptions
        {
            Iterations = line.Int("iterations", new GanrsOptions().Iterations, 1, GanrsOptions.MaxIterations),
            PretrainEpochs = line.Int("pretrain-epochs", new GanrsOptions().PretrainEpochs, 1, GanrsOptions.MaxEpochs),
            EvaluateEvery = line.Int("evaluate-every", 500, 1, int.MaxValue),
            EvaluationNoiseStd = sample.NoiseStd,
            Seed = seed,
            Device = device,
        };
        var outPath = line.OutputPath("out") ?? throw new UsageException("--out SYNTH.csv is required");
        var generatorIn = line.String("generator");
        var generatorOut = line.OutputPath("generator-out");
        var json = line.OutputPath(JsonOutput.Option);
        var compareFaithful = line.Flag("compare-faithful");
        var ranking = FidelityCommand.RankingArguments(line);
        var targets = FidelityCommand.Targets(line);
        var source = ImportArguments.Load(line, sourcePath);
        line.RejectUnknown();

        var clock = Stopwatch.StartNew();
        var console = new ConsoleProgress(stderr);
        var sampling = console.For<SyntheticProgress>(p => (p.Stage, p.Fraction, p.Message));
        GanrsModel model;
        if (generatorIn is not null)
        {
            try
            {
                model = GanrsModel.Load(generatorIn);
            }
            catch (DataFormatException e)
            {
                throw new UsageException($"--generator: {e.Message}");
            }
            stderr.WriteLine($"generator {generatorIn}: trained on {model.Source.Name}, {model.Options.Iterations:N0} iterations; no training needed");
        }
        else
        {
            TorchSharp.torch.set_num_threads(TorchRuntime.ThreadsForBatch(training.BatchSize));
            stderr.WriteLine($"{source.Name}: {source.UserCount:N0} users, {source.ItemCount:N0} items, {source.Count:N0} ratings; training GANRS ({training.Iterations:N0} iterations)");
            model = GanrsTrainer.Train(source, training, console.For<GanrsProgress>(p => (p.Stage, p.Fraction,
                $"{p.Step:N0}/{p.Steps:N0}" + (p.DiscriminatorLoss is { } d ? $" D {d:F3} G {p.GeneratorLoss:F3}" : "") +
                (p.HeldRatingTvd is { } t ? $" held TVD {t:F3}" : ""))));
            var chosen = model.Training.Checkpoints.Single(c => c.Iteration == model.Training.BestIteration);
            stderr.WriteLine($"GAN: best checkpoint at iteration {model.Training.BestIteration:N0}: held rating TVD {chosen.HeldRatingTvd:F3}, moment gap {chosen.MomentGap:F3} (last iterate: TVD {model.Training.FinalHeldRatingTvd:F3})");
            if (generatorOut is not null)
            {
                model.Save(generatorOut);
            }
        }

        TorchSharp.torch.set_num_threads(Environment.ProcessorCount);
        var result = SyntheticSampler.Sample(model, sample, sampling);
        SyntheticCsv.Write(result.Dataset, outPath);
        var fidelity = FidelityMetrics.Compare(source, result.Dataset, result.Dcr) with { Difficulty = result.Difficulty };
        if (ranking is not null)
        {
            fidelity = FidelityCommand.WithRanking(fidelity, source, result.Dataset, ranking, stderr);
        }
        var scorecard = FidelityScorecard.Build(fidelity, targets, result.RawRatingTvd, result.Structure?.RequestedRatings, result.Dataset.Count);
        var report = GenerateReportJson.From(result, fidelity, generatorIn is null ? model.Training : null, clock.Elapsed.TotalSeconds);
        report = report with { Fidelity = report.Fidelity with { Scorecard = scorecard } };
        FidelityReportJson? faithful = null;
        if (compareFaithful && variant != GanrsVariant.Ganrs)
        {
            stderr.WriteLine("sampling the faithful method (--variant ganrs) from the same generator for comparison");
            var paper = SyntheticSampler.Sample(model, sample with { Variant = GanrsVariant.Ganrs, Ratings = null, ReferenceFits = 0 }, sampling);
            faithful = FidelityReportJson.From(FidelityMetrics.Compare(source, paper.Dataset, paper.Dcr), paper.RawRatingTvd, paper.CollapsedSamples);
        }
        report = report with { Faithful = faithful };

        var human = JsonOutput.HumanOutput(json, stdout, stderr);
        human.WriteLine($"wrote {outPath}: {report.Users:N0} users, {report.Items:N0} items, {report.Ratings:N0} ratings ({report.CollapsedPairs:N0} repeated samples collapsed)");
        FidelityCommand.Print(human, fidelity);
        FidelityCommand.PrintScorecard(human, scorecard);
        if (faithful is not null)
        {
            human.WriteLine($"faithful (ganrs) on the same generator: rating TVD {faithful.RatingTvd:F3}, gini users {faithful.GiniUsers.Synthetic:F3}, gini items {faithful.GiniItems.Synthetic:F3}");
        }
        human.WriteLine($"seconds: pretrain {report.Seconds.Pretrain:F1}, gan {report.Seconds.Gan:F1}, sample {report.Seconds.Sample:F1}, cluster {report.Seconds.Cluster:F1}, total {report.Seconds.Total:F1}; peak memory {report.PeakMemoryMb:N0} MB");
        if (json is not null)
        {
            JsonOutput.Write(json, report, stdout);
        }
        return GanrsCli.Ok;
    }
}

/// <summary>Writes a synthetic dataset as <c>user,item,rating</c> with integer ids, atomically.</summary>
internal static class SyntheticCsv
{
    public static void Write(RatingsDataset data, string path)
    {
        ArtifactFile.Write(Path.GetFullPath(path), stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
            writer.NewLine = "\n";
            writer.WriteLine("user,item,rating");
            for (var i = 0; i < data.Count; i++)
            {
                writer.Write(data.UserIds[data.Users[i]]);
                writer.Write(',');
                writer.Write(data.ItemIds[data.Items[i]]);
                writer.Write(',');
                writer.WriteLine(((int)data.Ratings[i]).ToString(CultureInfo.InvariantCulture));
            }
        });
    }
}

/// <summary>How baseline training progress reads on the console.</summary>
internal static class Training
{
    public static Func<TrainingProgress, (string, double, string)> Describe(string label) =>
        p => (label, p.Fraction, $"epoch {p.Epoch}/{p.Epochs} loss {p.Loss:F4}");
}

internal static class Devices
{
    public static string Parse(string? text)
    {
        var device = text ?? "cpu";
        return TorchRuntime.DeviceNames.Contains(device) ? device : throw new UsageException($"--device: unknown device '{device}' (cpu, cuda or auto)");
    }
}
