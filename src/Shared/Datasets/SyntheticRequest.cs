using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Shared;

/// <summary>
/// Sample a synthetic dataset: the engine's <see cref="SampleOptions"/> (defaults, bounds and validation live there)
/// with the generator to sample from and the new dataset's name. It travels as JSON (<see cref="EngineVocabulary"/>),
/// so the API's body, the grain call and the stored lineage are one flat shape.
/// </summary>
public sealed record SyntheticRequest : SampleOptions
{
    public required string GeneratorId { get; init; }

    public string? Name { get; init; }
}
