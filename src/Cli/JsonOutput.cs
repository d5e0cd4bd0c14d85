using System.Text.Json;
using GanRsSandbox.Ml;
using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli;

public sealed record ScaleJson(int Min, int Max);

public sealed record StatsJson(
    int Users, int Items, int Ratings, double Density, double Mean, ScaleJson Scale,
    IReadOnlyDictionary<string, int> Histogram, double GiniUsers, double GiniItems)
{
    public static StatsJson From(DatasetStats stats) => new(
        stats.Users, stats.Items, stats.Ratings, stats.Density, stats.Mean, new ScaleJson(stats.Scale.Min, stats.Scale.Max),
        stats.Histogram.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
        stats.GiniUsers, stats.GiniItems);
}

public sealed record ModelJson(
    BaselineKind Name, int Epochs, int Batch, double TrainSeconds, double SamplesPerSecond, double? Rmse, double? Mae, IReadOnlyList<CurvePoint> Curves)
{
    public static ModelJson From(ModelEvaluation evaluation, EvaluationProtocol protocol) => new(
        evaluation.Kind, evaluation.Training.Epochs, evaluation.Training.BatchSize, evaluation.Training.Seconds,
        evaluation.Training.SamplesPerSecond, evaluation.Rmse, evaluation.Mae,
        evaluation.Curves[protocol]);
}

public sealed record EvaluateJson(StatsJson Dataset, EvaluationProtocol Protocol, int Seed, IReadOnlyList<ModelJson> Models);

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public const string Option = "json";

    /// <summary>The --json value that means standard output.</summary>
    public const string Stdout = "-";

    /// <summary>Where the human-readable tables go: stdout, unless the JSON report goes there.</summary>
    public static TextWriter HumanOutput(string? json, TextWriter stdout, TextWriter stderr) => json == Stdout ? stderr : stdout;

    /// <summary>Writes the report to <paramref name="stdout"/> for "-", else to a file, atomically, so a reader never sees half a report.</summary>
    public static void Write<T>(string path, T value, TextWriter stdout)
    {
        if (path == Stdout)
        {
            stdout.WriteLine(JsonSerializer.Serialize(value, Options));
            return;
        }
        ArtifactFile.Write(Path.GetFullPath(path), stream => JsonSerializer.Serialize(stream, value, Options));
    }
}

public sealed record SecondsJson(double Pretrain, double Gan, double Sample, double Cluster, double Total);

public sealed record GanTrainingJson(
    int BestIteration, double BestHeldRatingTvd, double FinalHeldRatingTvd,
    IReadOnlyList<GanRsSandbox.Ml.Gan.CheckpointScore> Checkpoints, IReadOnlyList<GanRsSandbox.Ml.Gan.LossPoint> Losses);

public sealed record GenerateReportJson(
    int Users, int Items, int Ratings, long Samples, long CollapsedPairs, GanRsSandbox.Ml.Gan.GanrsVariant Variant, SecondsJson Seconds, double PeakMemoryMb,
    FidelityReport Fidelity, GanTrainingJson? Training)
{
    /// <summary>The faithful method sampled from the same generator, when --compare-faithful asks for it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FidelityReport? Faithful { get; init; }

    /// <summary>The GAN samples' own rating TVD under the paper's decoding.</summary>
    public double GanRatingTvd { get; init; }

    /// <summary>The size asked for and how the pairs were placed (matched variant).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GanRsSandbox.Ml.Gan.StructureReport? Structure { get; init; }

    public static GenerateReportJson From(GanRsSandbox.Ml.Gan.SyntheticResult result, FidelityReport fidelity,
        GanRsSandbox.Ml.Gan.GanrsTrainingSummary? training, double totalSeconds)
    {
        var stats = DatasetStats.Compute(result.Dataset);
        System.Diagnostics.Process.GetCurrentProcess().Refresh();
        return new GenerateReportJson(
            stats.Users, stats.Items, stats.Ratings, result.Samples, result.CollapsedSamples, result.Variant,
            new SecondsJson(training?.PretrainSeconds ?? 0, training?.GanSeconds ?? 0, result.Seconds.Sample, result.Seconds.Cluster, totalSeconds),
            System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,
            fidelity,
            training is null ? null : new GanTrainingJson(training.BestIteration, training.BestHeldRatingTvd, training.FinalHeldRatingTvd, training.Checkpoints, training.Losses))
        {
            GanRatingTvd = result.GanRatingTvd,
            Structure = result.Structure,
        };
    }
}
