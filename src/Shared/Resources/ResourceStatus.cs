namespace GanRsSandbox.Shared;

/// <summary>Where a dataset, generator or model stands; the job behind a pending one says how far it is.</summary>
[GenerateSerializer, Alias("ganrs.ResourceStatus")]
public enum ResourceStatus
{
    Pending = 0,
    Ready = 1,
    Failed = 2,
    Cancelled = 3,
}
