namespace GanRsSandbox.Grains;

/// <summary>What an owner grain's job work needs: where to report and when to stop.</summary>
public sealed record JobRun(string JobId, JobReporter Reporter, CancellationToken Token);
