namespace GanRsSandbox.Shared;

public static class JobLimits
{
    public const int MaxRestarts = 3;

    public static bool IsFinished(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
