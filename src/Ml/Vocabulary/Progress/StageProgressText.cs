using System.Globalization;

namespace GanRsSandbox.Ml.Progress;

/// <summary>How a <see cref="StageProgress"/> reads for people: the one wording the pages and the console share.</summary>
public static class StageProgressText
{
    public static string Describe(StageProgress? progress)
    {
        if (progress is null)
        {
            return "";
        }
        var inv = CultureInfo.InvariantCulture;
        string Figure(string name, string label, string format) =>
            progress.Metric(name) is { } value ? string.Create(inv, $", {label} {value.ToString(format, inv)}") : "";
        var steps = string.Create(inv, $"{progress.Step:N0}/{progress.Steps:N0}");
        var text = progress.Stage switch
        {
            "gan" or "pretrain" => steps + Figure(MetricNames.DiscriminatorLoss, "D", "F3") + Figure(MetricNames.GeneratorLoss, "G", "F3") +
                                   Figure(MetricNames.HeldRatingTvd, "held rating TVD", "F3") + Figure(MetricNames.Loss, "loss", "F4"),
            "train" => string.Create(inv, $"epoch {progress.Metric(MetricNames.Epoch):0}/{progress.Metric(MetricNames.Epochs):0}") + Figure(MetricNames.Loss, "loss", "F4"),
            "sample" or "assign" => steps + " samples",
            "cluster-users" or "cluster-items" => string.Create(inv, $"Lloyd iteration {progress.Step:N0}") + Figure(MetricNames.Moved, "points moved", "N0"),
            "difficulty" => string.Create(inv, $"reference training {progress.Step}/{progress.Steps}") + Figure(MetricNames.Rmse, "RMSE", "F3") +
                            Figure(MetricNames.TargetRmse, "target", "F3"),
            "grid" => string.Create(inv, $"[{progress.Step}/{progress.Steps}]"),
            "done" => "finished",
            "restart" => string.Create(inv, $"restart {progress.Step} after its silo stopped"),
            _ when progress.Stage.StartsWith("ranking-", StringComparison.Ordinal) =>
                string.Create(inv, $"training {progress.Step + 1}/{progress.Steps}, split seed {progress.Metric(MetricNames.Seed):0}, epoch {progress.Metric(MetricNames.Epoch):0}/{progress.Metric(MetricNames.Epochs):0}"),
            _ => progress.Steps > 1 ? steps : "",
        };
        return progress.Detail is { } detail ? $"{text} {detail}".Trim() : text;
    }
}
