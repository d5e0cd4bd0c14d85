using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Shared;

/// <summary>The sampling request this release stored before it became the engine's <c>SampleOptions</c>; read only, to upgrade old state.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.SyntheticRequest")]
public sealed record LegacySyntheticRequest
{
    [Id(0)] public required string GeneratorId { get; init; }
    [Id(1)] public int Users { get; init; }
    [Id(2)] public int Items { get; init; }
    [Id(3)] public long Samples { get; init; }
    [Id(4)] public double NoiseStd { get; init; }
    [Id(5)] public int Seed { get; init; }
    [Id(6)] public string Variant { get; init; } = "";
    [Id(7)] public string? Name { get; init; }
    [Id(8)] public long? Ratings { get; init; }

    public SyntheticRequest ToRequest() => new()
    {
        GeneratorId = GeneratorId,
        Name = Name,
        Users = Users,
        Items = Items,
        Samples = Samples,
        NoiseStd = NoiseStd,
        Seed = Seed,
        // Every stored variant name is still an engine variant; an unreadable one is the default it was created with.
        Variant = NamedValues.TryParse<GanrsVariant>(Variant, out var variant) ? variant : GanrsVariants.Default,
        Ratings = Ratings,
    };
}
