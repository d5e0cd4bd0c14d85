using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Shared;

/// <summary>The loss record this release stored before the engine's <see cref="LossPoint"/> replaced it; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.LossPoint")]
public sealed record LegacyLossSample
{
    [Id(0)] public required long Iteration { get; init; }
    [Id(1)] public required double Discriminator { get; init; }
    [Id(2)] public required double Generator { get; init; }

    public LossPoint ToPoint() => new((int)Iteration, Discriminator, Generator);
}
