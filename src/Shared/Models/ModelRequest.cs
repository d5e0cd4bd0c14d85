using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.ModelRequest")]
public sealed record ModelRequest
{
    [Id(0)] public required string DatasetId { get; init; }
    [Id(1)] public required BaselineKind Kind { get; init; }
    [Id(2)] public ModelSettings Options { get; init; } = new();
}
