namespace GanRsSandbox.Grains;

/// <summary>The job an owner grain is running, kept in its state so that a new activation knows it was interrupted.</summary>
[GenerateSerializer, Alias("ganrs.ActiveJob")]
public sealed record ActiveJob
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public int Restarts { get; init; }
}
