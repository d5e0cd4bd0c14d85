namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.GeneratorRequest")]
public sealed record GeneratorRequest
{
    [Id(0)] public required string SourceDatasetId { get; init; }
    [Id(1)] public GeneratorSettings Options { get; init; } = new();
    /// <summary>A categorical attribute of the source's users file to condition the GAN on (CGANRS); null, none.</summary>
    [Id(2)] public string? Condition { get; init; }
}
