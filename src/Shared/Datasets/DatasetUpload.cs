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

    /// <summary>The rating scale as min..max:step (1..5, 0.5..5:0.5, 0..100:1); null or empty reads it from the values.</summary>
    [Id(4)] public string? Scale { get; init; }

    /// <summary>Read every row as an interaction (implicit feedback), ignoring any rating column.</summary>
    [Id(5)] public bool Implicit { get; init; }
}
