namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.LossPoint")]
public sealed record LossSample
{
    [Id(0)] public required long Iteration { get; init; }
    [Id(1)] public required double Discriminator { get; init; }
    [Id(2)] public required double Generator { get; init; }
}
