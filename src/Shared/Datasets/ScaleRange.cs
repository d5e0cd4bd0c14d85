namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.ScaleRange")]
public sealed record ScaleRange
{
    [Id(0)] public required int Min { get; init; }
    [Id(1)] public required int Max { get; init; }
}
