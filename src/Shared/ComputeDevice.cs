namespace GanRsSandbox.Shared;

/// <summary>Where a silo runs its tensor work; silos publish it so that heavy grains can prefer GPUs.</summary>
[GenerateSerializer, Alias("GanRsSandbox.ComputeDevice")]
public enum ComputeDevice
{
    Cpu = 0,
    Cuda = 1,
}
