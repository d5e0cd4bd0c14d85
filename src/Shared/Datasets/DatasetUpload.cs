namespace GanRsSandbox.Shared;

/// <summary>A file to import: the bytes travel once, to the grain that parses and stores them.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.DatasetUpload")]
public sealed record DatasetUpload
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string FileName { get; init; }
    /// <summary>auto, u.data, ratings.dat or csv.</summary>
    [Id(2)] public string Format { get; init; } = "auto";
    [Id(3)] public required byte[] Content { get; init; }
}
