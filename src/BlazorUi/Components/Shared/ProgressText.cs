using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.BlazorUi.Components.Shared;

/// <summary>A job's progress as the pages show it: the engine's own wording, and the bar's share.</summary>
public static class ProgressText
{
    public static string Describe(StageProgress? progress) => StageProgressText.Describe(progress);

    /// <summary>The share of the job's current stage that is done (the grid's by estimated work).</summary>
    public static double Fraction(StageProgress? progress) =>
        progress is null ? 0 : progress.Metric(MetricNames.Work) ?? progress.Fraction;
}
