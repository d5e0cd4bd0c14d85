using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.BlazorUi.Components.Shared;

/// <summary>A job's progress as the pages show it: the engine's own wording, and the bar's share.</summary>
public static class ProgressText
{
    public static string Describe(StageProgress? progress) => StageProgressText.Describe(progress);

    public static double Fraction(StageProgress? progress) => progress?.Share ?? 0;
}
