namespace GanRsSandbox.Shared;

/// <summary>A file in the artifact store, named by the SHA-256 of its bytes, so that grain state holds only this.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ArtifactRef")]
public sealed record ArtifactRef
{
    [Id(0)] public required string Hash { get; init; }
    [Id(1)] public required long Bytes { get; init; }
}
