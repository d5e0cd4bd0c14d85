using System.Text.Json;
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

public sealed record CurveJson(int Threshold, int N, double Precision, double Recall, double F1);

public sealed record ModelJson(
    string Name, int Epochs, int Batch, double TrainSeconds, double SamplesPerSecond, double? Rmse, double? Mae, IReadOnlyList<CurveJson> Curves)
{
    public static ModelJson From(ModelEvaluation evaluation, EvaluationProtocol protocol) => new(
        evaluation.Kind.Name(), evaluation.Training.Epochs, evaluation.Training.BatchSize, evaluation.Training.Seconds,
        evaluation.Training.SamplesPerSecond, evaluation.Rmse, evaluation.Mae,
        evaluation.Curves[protocol].Select(c => new CurveJson(c.Threshold, c.N, c.Precision, c.Recall, c.F1)).ToList());
}

public sealed record EvaluateJson(StatsJson Dataset, string Protocol, int Seed, IReadOnlyList<ModelJson> Models);

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes atomically so that a reader never sees half a report.</summary>
    public static void Write<T>(string path, T value)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new UsageException($"--json: the folder {directory} does not exist");
        }
        var temp = full + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(value, Options));
        File.Move(temp, full, overwrite: true);
    }
}
