using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Grains;

/// <summary>Keeps only the newest report, for a grain to publish at its own pace from work running off its scheduler.</summary>
internal sealed class LatestProgress : IProgress<StageProgress>
{
    private StageProgress? _latest;

    public StageProgress? Latest => Volatile.Read(ref _latest);

    public void Report(StageProgress value) => Volatile.Write(ref _latest, value);
}
