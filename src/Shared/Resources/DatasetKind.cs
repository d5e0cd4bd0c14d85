namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.DatasetKind")]
public enum DatasetKind
{
    Source = 0,
    Synthetic = 1,
}
