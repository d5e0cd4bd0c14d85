using System.Text.Json.Serialization;

namespace GanRsSandbox.Shared;

/// <summary>Where a dataset came from: a file, the demo, or a generator with its sampling settings.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.DatasetLineage")]
public sealed record DatasetLineage
{
    [Id(0)] public string? FileName { get; init; }
    [Id(1)] public string? Format { get; init; }
    [Id(2)] public string? GeneratorId { get; init; }
    [Id(3)] public string? SourceDatasetId { get; init; }
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves it to <see cref="Sampling"/>.</summary>
    [Id(4), JsonIgnore] public LegacySyntheticRequest? LegacySampling { get; init; }
    [Id(5)] public SyntheticRequest? Sampling { get; init; }

    public DatasetLineage Upgraded() => LegacySampling is { } old ? this with { Sampling = old.ToRequest(), LegacySampling = null } : this;
}
