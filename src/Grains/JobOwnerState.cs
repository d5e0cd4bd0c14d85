namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.JobOwnerState")]
public abstract class JobOwnerState
{
    [Id(0)] public ActiveJob? ActiveJob { get; set; }
}
