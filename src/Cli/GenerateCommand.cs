using System.Diagnostics;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.SideInfo;
using GanRsSandbox.Ml.Workflows;

namespace GanRsSandbox.Cli;

internal static class GenerateCommand
{
    private static readonly SampleOptions Sampling = new();
    private static readonly GanrsOptions Training = new();

    public static readonly CommandSpec Spec = new("generate", "train GANRS on a source (or load a trained generator) and sample a synthetic dataset with its fidelity report",
        ["SOURCE"],
        [
            new("out", "the synthetic ratings to write (SYNTH.csv: user,item,rating, and group for a conditional generator)"),
            OptionSpec.Of("users", "synthetic users", Sampling.Users),
            OptionSpec.Of("items", "synthetic items", Sampling.Items),
            OptionSpec.Of("samples", "GAN samples to draw (the size follows from them unless --ratings is given)", Sampling.Samples),
            new("ratings", "the exact number of ratings to make (matched variant)"),
            OptionSpec.Of("noise-std", "the sampling noise's standard deviation (the paper's σ)", Sampling.NoiseStd),
            OptionSpec.Of("seed", "the seed of the training and of the sampling", Sampling.Seed),
            OptionSpec.Of("variant", CommonOptions.Variants, Sampling.Variant.Name()),
            OptionSpec.Of("reference-fits", "reference-model trainings the difficulty search may take", Sampling.ReferenceFits),
            OptionSpec.Of("kmeans-iterations", "the most Lloyd iterations of each k-means", Sampling.KMeansIterations),
            OptionSpec.Of("iterations", "GAN training iterations", Training.Iterations),
            OptionSpec.Of("pretrain-epochs", "DeepMF pre-training epochs", Training.PretrainEpochs),
            OptionSpec.Of("pretrain-batch", "DeepMF pre-training batch size (larger trains a large source faster)", Training.PretrainBatchSize),
            OptionSpec.Of("evaluate-every", "iterations between the checkpoint scores of the stable variants", Training.EvaluateEvery),
            new("generator", "a trained generator to sample from instead of training one (G.grsg)"),
            new("generator-out", "where to save the trained generator"),
            OptionSpec.Flag("compare-faithful", "also sample the paper's method from the same generator and report both"),
            SideInfoArguments.UsersFile,
            .. ScenarioArguments.Options,
            CommonOptions.Device,
            CommonOptions.Json,
            .. CommonOptions.Ranking,
            .. CommonOptions.Import,
        ],
        Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var sourcePath = line.Positional(0, "the SOURCE ratings file");
        var variantText = line.String("variant")!;
        if (!GanrsVariants.TryParse(variantText, out var variant))
        {
            throw new UsageException($"--variant: unknown variant '{variantText}' ({GanrsVariants.Names})");
        }
        var seed = line.Int("seed");
        var device = Devices.Parse(line.String("device"));
        var sample = new SampleOptions
        {
            Users = line.Int("users"),
            Items = line.Int("items"),
            Samples = line.Long("samples"),
            Ratings = line.String("ratings") is null ? null : line.Long("ratings"),
            ReferenceFits = line.Int("reference-fits", 0, SampleOptions.MaxReferenceFits),
            NoiseStd = line.Double("noise-std"),
            Seed = seed,
            Variant = variant,
            KMeansIterations = line.Int("kmeans-iterations", 1, SampleOptions.MaxKMeansIterations),
            Device = device,
        };
        sample = ScenarioArguments.Apply(line, sample);
        // Checked before the source is read, so that a bad request fails at once.
        sample.Validate();
        var condition = line.String("condition");
        if (condition is not null && line.String("generator") is not null)
        {
            throw new UsageException("--condition: a loaded --generator keeps the condition it was trained with; give one or the other");
        }
        var training = new GanrsOptions
        {
            Iterations = line.Int("iterations", 1, GanrsOptions.MaxIterations),
            PretrainEpochs = line.Int("pretrain-epochs", 1, GanrsOptions.MaxEpochs),
            PretrainBatchSize = line.Int("pretrain-batch", 1, GanrsOptions.MaxBatchSize),
            EvaluateEvery = line.Int("evaluate-every", 1, int.MaxValue),
            EvaluationNoiseStd = sample.NoiseStd,
            Seed = seed,
            Device = device,
        }.WithObjective(variant.Objective());
        var outPath = line.OutputPath("out") ?? throw new UsageException("--out SYNTH.csv is required");
        var generatorIn = line.String("generator");
        var generatorOut = line.OutputPath("generator-out");
        var json = line.OutputPath(JsonOutput.Option);
        var compareFaithful = line.Flag("compare-faithful");
        if (compareFaithful && variant.Objective() != GanObjective.Standard)
        {
            throw new UsageException($"--compare-faithful: the paper's method samples a generator of the paper's GAN, which --variant {variant.Name()} does not train");
        }
        var ranking = FidelityCommand.RankingArguments(line);
        var targets = FidelityCommand.Targets(line);
        var source = ImportArguments.Load(line, sourcePath, stderr);
        var attributes = SideInfoArguments.Load(line, source);
        var grouping = condition is null ? null : SideInfoArguments.Grouping(attributes, condition, "condition");

        var clock = Stopwatch.StartNew();
        using var console = new ConsoleProgress(stderr);
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
            stderr.WriteLine($"{source.Name}: {source.UserCount:N0} users, {source.ItemCount:N0} items, {source.Count:N0} ratings; training GANRS ({training.Iterations:N0} iterations{(training.Objective == GanObjective.Wasserstein ? $", Wasserstein: {training.CriticSteps} critic steps each" : "")})");
            if (grouping is not null)
            {
                stderr.WriteLine($"conditioned on {grouping.Attribute}: {string.Join(", ", grouping.Values.Zip(grouping.Sizes(), (v, n) => $"{v} {n:N0} users"))}");
            }
            model = EngineWorkflows.TrainGenerator(new GeneratorTrainingRequest(source) { Options = training, Condition = grouping }, console.Stages());
            var chosen = model.Training.Checkpoints.Single(c => c.Iteration == model.Training.BestIteration);
            stderr.WriteLine($"GAN: best checkpoint at iteration {model.Training.BestIteration:N0}: held rating TVD {chosen.HeldRatingTvd:F3}, moment gap {chosen.MomentGap:F3} (last iterate: TVD {model.Training.FinalHeldRatingTvd:F3})");
            if (generatorOut is not null)
            {
                model.Save(generatorOut);
            }
        }

        var set = EngineWorkflows.SampleSynthetic(new SyntheticSetRequest(model, sample)
        {
            Targets = targets,
            Source = source,
            Ranking = ranking,
        }, console.Stages());
        var (result, fidelity) = set;
        DatasetExport.Save(result.Dataset, ExportFormat.Csv, outPath, result.UserGroups);
        if (result.UserGroups is { } groups)
        {
            // The synthetic users' side information, in the form --users-file reads, for evaluate --by on the synthetic set.
            var usersPath = Path.ChangeExtension(outPath, ".users.csv");
            UserAttributesFile.Save(usersPath, result.Dataset, groups);
            stderr.WriteLine($"wrote {usersPath}: the synthetic users' {groups.Attribute} (for --users-file)");
        }
        var report = GenerateReportJson.From(result, set.Stats, fidelity, generatorIn is null ? model.Training : null, clock.Elapsed.TotalSeconds);
        FidelityReport? faithful = null;
        if (compareFaithful && model.Condition is not null)
        {
            stderr.WriteLine("--compare-faithful: the paper's method has no conditional sampling; not compared");
        }
        else if (compareFaithful && variant != GanrsVariant.Ganrs)
        {
            stderr.WriteLine("sampling the faithful method (--variant ganrs) from the same generator for comparison");
            faithful = EngineWorkflows.SampleSynthetic(new SyntheticSetRequest(model, sample.WithoutScenario() with { Variant = GanrsVariant.Ganrs, Ratings = null, ReferenceFits = 0 })
            {
                Targets = targets,
            }, console.Stages()).Fidelity;
        }
        report = report with { Faithful = faithful };

        var human = JsonOutput.HumanOutput(json, stdout, stderr);
        human.WriteLine($"wrote {outPath}: {report.Users:N0} users, {report.Items:N0} items, {report.Ratings:N0} ratings ({report.CollapsedPairs:N0} repeated samples collapsed)");
        FidelityCommand.Print(human, fidelity);
        FidelityCommand.PrintScorecard(human, fidelity.Scorecard ?? []);
        FidelityCommand.PrintScenario(human, fidelity.Scenario ?? []);
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
