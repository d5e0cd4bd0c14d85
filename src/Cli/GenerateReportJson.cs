using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Cli;

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

    public static GenerateReportJson From(GanRsSandbox.Ml.Gan.SyntheticResult result, DatasetStats stats, FidelityReport fidelity,
        GanRsSandbox.Ml.Gan.GanrsTrainingSummary? training, double totalSeconds)
    {
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
