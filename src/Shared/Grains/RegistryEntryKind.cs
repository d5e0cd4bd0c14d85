namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.RegistryEntryKind")]
public enum RegistryEntryKind
{
    Dataset = 0,
    Generator = 1,
    Model = 2,
    Job = 3,
    Experiment = 4,
}
