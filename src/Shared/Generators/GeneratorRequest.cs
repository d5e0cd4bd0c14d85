namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.GeneratorRequest")]
public sealed record GeneratorRequest
{
    [Id(0)] public required string SourceDatasetId { get; init; }
    [Id(1)] public GeneratorSettings Options { get; init; } = new();
}
