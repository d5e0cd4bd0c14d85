using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;
using GanRsSandbox.Ml.Workflows;

namespace GanRsSandbox.Cli;

internal static class EvaluateCommand
{
    private static readonly BaselineOptions Defaults = new();

    public static readonly CommandSpec Spec = new("evaluate", "train the baselines on a seeded split of a ratings file and score them: RMSE, MAE and precision/recall/F1 at N",
        ["FILE"],
        [
            OptionSpec.Of("models", $"the models, comma-separated: {NamedValues.Listed<BaselineKind>()}", string.Join(",", BaselineKinds.All.Select(k => k.Name()))),
            OptionSpec.Of("seed", "the seed of the split and of every training", Defaults.Seed),
            OptionSpec.Of("split", "ratio (a share of the ratings) or cf4j (test users and test items)", "ratio"),
            OptionSpec.Of("test-ratio", "the share of ratings held out (ratio split)", BaselineTrainingRequest.DefaultTestRatio),
            OptionSpec.Of("test-users", "the share of users with test ratings (cf4j split)", 0.2),
            OptionSpec.Of("test-items", "the share of items with test ratings (cf4j split)", 0.2),
            OptionSpec.Of("protocol", $"how the curves rank items: {NamedValues.Listed<EvaluationProtocol>()}", EvaluationProtocol.TestItems.Name()),
            OptionSpec.Of("n", "the list lengths N (comma-separated)", string.Join(",", EvaluationSettings.PaperNs)),
            new("thresholds", "the ratings from which an item counts as relevant (default: the scale's two highest)"),
            OptionSpec.Of("epochs", "training epochs", Defaults.Epochs),
            OptionSpec.Of("batch", "the training batch size", Defaults.BatchSize),
            OptionSpec.Of("factors", "latent factors", Defaults.Factors),
            OptionSpec.Of("lr", "the learning rate (Adam)", Defaults.LearningRate),
            CommonOptions.Device,
            CommonOptions.Threads,
            CommonOptions.Json,
            SideInfoArguments.UsersFile,
            new("by", $"break precision/recall/F1 down by user segments, comma-separated: attributes of --users-file and/or {ActivityBuckets.Attribute} (the fifth of users with the fewest ratings, the fifth with the most, the rest)"),
            new("predictions-out", "write each model's test-set predictions and top-N lists to this folder (MODEL.predictions.csv, MODEL.top-n.csv)"),
            .. CommonOptions.Import,
        ],
        Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var path = line.Positional(0, "the ratings FILE");
        var kinds = ParseModels(line.String("models"));
        var seed = line.Int("seed");
        var splitKind = line.String("split");
        var testRatio = line.Double("test-ratio", 0.0001, 0.9999);
        var testUsers = line.Double("test-users", 0.0001, 1);
        var testItems = line.Double("test-items", 0.0001, 1);
        var protocolText = line.String("protocol")!;
        if (!EvaluationProtocols.TryParse(protocolText, out var protocol))
        {
            throw new UsageException($"--protocol: unknown protocol '{protocolText}' ({NamedValues.Listed<EvaluationProtocol>()})");
        }
        var ns = line.IntList("n", min: 1);
        var thresholds = line.DoubleList("thresholds");
        var device = line.String("device")!;
        if (!TorchRuntime.DeviceNames.Contains(device))
        {
            throw new UsageException($"--device: unknown device '{device}' (cpu, cuda or auto)");
        }
        var options = new BaselineOptions
        {
            Epochs = line.Int("epochs", 1, BaselineOptions.MaxEpochs),
            BatchSize = line.Int("batch", 1, BaselineOptions.MaxBatchSize),
            Factors = line.Int("factors", 1, BaselineOptions.MaxFactors),
            LearningRate = line.Double("lr", 1e-9, 10),
            Seed = seed,
            Device = device,
        };
        var threads = CommonOptions.ThreadBudgetOf(line);
        var json = line.OutputPath(JsonOutput.Option);
        var data = ImportArguments.Load(line, path, stderr);

        if (thresholds is not null && thresholds.FirstOrDefault(t => !data.Scale.Contains(t), double.NaN) is var off && !double.IsNaN(off))
        {
            throw new UsageException($"--thresholds: {off} is not a value of the rating scale {data.Scale} ({string.Join(", ", data.Scale.Values)})");
        }
        if (data.Scale.IsUnary)
        {
            (kinds, protocol) = ForImplicitFeedback(line, kinds, protocol, stderr);
        }
        var settings = new EvaluationSettings(ns!, thresholds ?? data.Scale.DefaultThresholds, [protocol])
        {
            Segments = Segments(line, data),
        };
        var split = splitKind switch
        {
            "ratio" => DatasetSplit.Ratio(data.Count, testRatio, seed),
            "cf4j" => DatasetSplit.Cf4j(data, testUsers, testItems, seed),
            _ => throw new UsageException($"--split: unknown split '{splitKind}' (ratio or cf4j)"),
        };
        if (split.Test.Length == 0 || split.Train.Length == 0)
        {
            throw new UsageException("the split leaves no training or no test ratings; change --test-ratio (or --test-users/--test-items)");
        }

        var stats = DatasetStats.Compute(data);
        stderr.WriteLine($"{data.Name}: {stats.Users:N0} users, {stats.Items:N0} items, {stats.Ratings:N0} ratings; " +
                         $"{split.Train.Length:N0} train / {split.Test.Length:N0} test; protocol {protocol.Name()}");
        IReadOnlyList<ModelEvaluation> results;
        using (var console = new ConsoleProgress(stderr))
        {
            results = EngineWorkflows.EvaluateBaselines(new BaselineEvaluationRequest(data, split, kinds, settings)
            {
                Training = options,
                Threads = threads,
            }, console.Stages());
        }
        var human = JsonOutput.HumanOutput(json, stdout, stderr);
        PrintTable(human, results, protocol, settings);
        PrintSegments(human, results, settings);
        if (line.OutputPath("predictions-out") is { } folder)
        {
            foreach (var result in results)
            {
                PredictionsFile.Write(folder, result, data, split);
            }
            stderr.WriteLine($"wrote the predictions of {results.Count} models to {folder}");
        }
        if (json is not null)
        {
            JsonOutput.Write(json, new EvaluateJson(stats, protocol, seed,
                results.Select(r => ModelJson.From(r, protocol)).ToList()), stdout);
        }
        return GanrsCli.Ok;
    }

    /// <summary>
    /// Implicit feedback takes ncf-binary under all-items where the user left the models and protocol to their defaults,
    /// and refuses what does not apply where the user asked for it.
    /// </summary>
    private static (BaselineKind[] Kinds, EvaluationProtocol Protocol) ForImplicitFeedback(
        CommandLine line, BaselineKind[] kinds, EvaluationProtocol protocol, TextWriter stderr)
    {
        if (!line.Given("models"))
        {
            kinds = [ImplicitFeedback.Model];
        }
        if (!line.Given("protocol"))
        {
            protocol = ImplicitFeedback.Protocol;
        }
        foreach (var refusal in kinds.Select(k => ImplicitFeedback.Refuses(RatingScale.Unary, k))
                     .Append(ImplicitFeedback.Refuses(RatingScale.Unary, protocol)).OfType<string>())
        {
            throw new UsageException($"implicit feedback: {refusal}");
        }
        stderr.WriteLine($"implicit feedback: {string.Join(", ", kinds.Select(k => k.Name()))} under {protocol.Name()}");
        return (kinds, protocol);
    }

    /// <summary>The segmentations <c>--by</c> names: attributes of the users file and the activity buckets.</summary>
    private static IReadOnlyList<Ml.SideInfo.UserGrouping> Segments(CommandLine line, RatingsDataset data)
    {
        var attributes = SideInfoArguments.Load(line, data);
        if (line.String("by") is not { } text)
        {
            return attributes is null ? [] : throw new UsageException("--users-file: name the attributes to break the results down by with --by");
        }
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        return names.Length == 0
            ? throw new UsageException("--by needs at least one attribute")
            : names.Select(name => name == ActivityBuckets.Attribute ? ActivityBuckets.Of(data) : SideInfoArguments.Grouping(attributes, name, "by")).ToList();
    }

    /// <summary>F1 at the largest N per segment, and the gap between the best and the worst served segment.</summary>
    private static void PrintSegments(TextWriter stdout, IReadOnlyList<ModelEvaluation> results, EvaluationSettings settings)
    {
        var n = settings.Ns.Max();
        foreach (var threshold in settings.Thresholds)
        {
            foreach (var attribute in results.SelectMany(r => r.Segments).Select(s => s.Attribute).Distinct())
            {
                var values = results[0].Segments.Where(s => s.Attribute == attribute).ToList();
                stdout.WriteLine();
                stdout.WriteLine($"F1@{n} by {attribute}, threshold {threshold} (users with test ratings: {string.Join(", ", values.Select(v => $"{v.Value} {v.Users:N0}"))})");
                stdout.WriteLine($"{"model",-20} " + string.Join(" ", values.Select(v => $"{v.Value,10}")) + $" {"gap",8}");
                foreach (var r in results)
                {
                    var f1 = r.Segments.Where(s => s.Attribute == attribute)
                        .Select(s => s.Points.Single(p => p.Threshold == threshold && p.N == n).F1).ToArray();
                    stdout.WriteLine($"{r.Kind.Name(),-20} " + string.Join(" ", f1.Select(v => $"{v,10:F3}")) + $" {f1.Max() - f1.Min(),8:F3}");
                }
            }
        }
    }

    private static BaselineKind[] ParseModels(string? text)
    {
        if (text is null)
        {
            return BaselineKinds.All;
        }
        var kinds = new List<BaselineKind>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!BaselineKinds.TryParse(name, out var kind))
            {
                throw new UsageException($"--models: unknown model '{name}' (known: {string.Join(", ", BaselineKinds.All.Select(k => k.Name()))})");
            }
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }
        return kinds.Count > 0 ? [.. kinds] : throw new UsageException("--models needs at least one model");
    }

    private static void PrintTable(TextWriter stdout, IReadOnlyList<ModelEvaluation> results, EvaluationProtocol protocol, EvaluationSettings settings)
    {
        stdout.WriteLine($"protocol {protocol.Name()}");
        stdout.WriteLine($"{"model",-20} {"train s",8} {"samples/s",10} {"RMSE",7} {"MAE",7}");
        foreach (var r in results)
        {
            stdout.WriteLine($"{r.Kind.Name(),-20} {r.Training.Seconds,8:F1} {r.Training.SamplesPerSecond,10:N0} {Format(r.Rmse),7} {Format(r.Mae),7}");
        }
        foreach (var threshold in settings.Thresholds)
        {
            stdout.WriteLine();
            stdout.WriteLine($"threshold {threshold}: precision / recall / F1 at N");
            stdout.WriteLine($"{"model",-20} " + string.Join(" ", settings.Ns.Select(n => $"{"N=" + n,20}")));
            foreach (var r in results)
            {
                var cells = r.Curves[protocol].Where(c => c.Threshold == threshold)
                    .Select(c => $"{c.Precision:F3}/{c.Recall:F3}/{c.F1:F3}".PadLeft(20));
                stdout.WriteLine($"{r.Kind.Name(),-20} " + string.Join(" ", cells));
            }
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
