using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Shared;

/// <summary>
/// A file to import and how to read it. The bytes do not travel in it: an upload streams them to the dataset grain
/// first (<see cref="IDatasetGrain.AppendUploadAsync"/>), or <see cref="ServerPath"/> names a file already on the silos.
/// </summary>
[GenerateSerializer, Immutable, Alias("ganrs.DatasetUpload")]
public sealed record DatasetUpload
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string FileName { get; init; }
    /// <summary>auto, u.data, ratings.dat or csv.</summary>
    [Id(2)] public string Format { get; init; } = "auto";

    // Id 3 carried the whole file's bytes until uploads streamed; it is not reused.

    /// <summary>The rating scale as min..max:step (1..5, 0.5..5:0.5, 0..100:1); null or empty reads it from the values.</summary>
    [Id(4)] public string? Scale { get; init; }

    /// <summary>Read every row as an interaction (implicit feedback), ignoring any rating column.</summary>
    [Id(5)] public bool Implicit { get; init; }

    /// <summary>
    /// A file under the silos' import folder (<c>Sandbox:ImportFolder</c>), relative to it, to import instead of an
    /// upload: for files already on the silo's disk. Null for an upload.
    /// </summary>
    [Id(6)] public string? ServerPath { get; init; }

    /// <summary>What a second rating of the same (user, item) pair does: reject the file, or keep the first or last.</summary>
    [Id(7)] public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Reject;
}
