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

public sealed record PairJson(double Source, double Synthetic)
{
    public static PairJson From(SourceVsSynthetic pair) => new(pair.Source, pair.Synthetic);
}

public sealed record DcrJson(string Space, double P5, double Median, int NearCopies, double NearCopyThreshold);

public sealed record FidelityReportJson(
    double RatingTvd, double MeanGap, PairJson Density, PairJson GiniUsers, PairJson GiniItems, PairJson HeadShare, DcrJson? Dcr)
{
    /// <summary>The generated samples' rating TVD under the paper's decoding, before any calibration: the GAN's own fidelity.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RawRatingTvd { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CollapsedPairs { get; init; }

    public double? UserDegreeKs { get; init; }

    public double? ItemDegreeKs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RankingVerdict? Ranking { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ScorecardEntry>? Scorecard { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DifficultyReport? Difficulty { get; init; }

    public static FidelityReportJson From(FidelityReport report, double? rawRatingTvd, long? collapsed) => new(
        report.RatingTvd, report.MeanGap, PairJson.From(report.Density), PairJson.From(report.GiniUsers), PairJson.From(report.GiniItems),
        PairJson.From(report.HeadShare),
        report.Dcr is { } d ? new DcrJson(d.Space, d.P5, d.Median, d.NearCopies, d.NearCopyThreshold) : null)
    {
        RawRatingTvd = rawRatingTvd,
        CollapsedPairs = collapsed,
        UserDegreeKs = report.UserDegreeKs,
        ItemDegreeKs = report.ItemDegreeKs,
        Ranking = report.Ranking,
        Difficulty = report.Difficulty,
    };
}

public sealed record SecondsJson(double Pretrain, double Gan, double Sample, double Cluster, double Total);

public sealed record GanTrainingJson(
    int BestIteration, double BestHeldRatingTvd, double FinalHeldRatingTvd,
    IReadOnlyList<GanRsSandbox.Ml.Gan.CheckpointScore> Checkpoints, IReadOnlyList<GanRsSandbox.Ml.Gan.LossPoint> Losses);

public sealed record GenerateReportJson(
    int Users, int Items, int Ratings, long Samples, long CollapsedPairs, string Variant, SecondsJson Seconds, double PeakMemoryMb,
    FidelityReportJson Fidelity, GanTrainingJson? Training)
{
    /// <summary>The faithful method sampled from the same generator, when --compare-faithful asks for it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FidelityReportJson? Faithful { get; init; }

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
            stats.Users, stats.Items, stats.Ratings, result.Samples, result.CollapsedSamples, result.Variant.ToString().ToLowerInvariant(),
            new SecondsJson(training?.PretrainSeconds ?? 0, training?.GanSeconds ?? 0, result.Seconds.Sample, result.Seconds.Cluster, totalSeconds),
            System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,
            FidelityReportJson.From(fidelity, result.RawRatingTvd, result.CollapsedSamples),
            training is null ? null : new GanTrainingJson(training.BestIteration, training.BestHeldRatingTvd, training.FinalHeldRatingTvd, training.Checkpoints, training.Losses))
        {
            GanRatingTvd = result.GanRatingTvd,
            Structure = result.Structure,
        };
    }
}
