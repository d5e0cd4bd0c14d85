using System.Text.Json.Serialization;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Immutable, Alias("ganrs.ModelInfo")]
public sealed record ModelInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string DatasetId { get; init; }
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves it to <see cref="Kind"/>.</summary>
    [Id(2), JsonIgnore] public string? LegacyKind { get; init; }
    [Id(3)] public required ResourceStatus Status { get; init; }
    [Id(4)] public double? Rmse { get; init; }
    [Id(5)] public double? Mae { get; init; }
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves them to <see cref="Curves"/>.</summary>
    [Id(6), JsonIgnore] public IReadOnlyList<LegacyCurvePoint>? LegacyCurves { get; init; }
    [Id(7)] public string? JobId { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public required ModelSettings Options { get; init; }
    [Id(10)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(11)] public ArtifactRef? Artifact { get; init; }
    [Id(12)] public double? TrainSeconds { get; init; }
    [Id(13)] public required BaselineKind Kind { get; init; }
    [Id(14)] public IReadOnlyList<CurvePoint> Curves { get; init; } = [];

    /// <summary>The test-set predictions and top-N lists the curves were computed from, as a zip of two CSVs; null for models trained before they were kept.</summary>
    [Id(15)] public ArtifactRef? Predictions { get; init; }
    /// <summary>
    /// The curves' points at the largest N broken down by user segment: the activity buckets (cold, regular, heavy) and
    /// each categorical attribute of the dataset's users file, where it has one.
    /// </summary>
    [Id(16)] public IReadOnlyList<SegmentCurve> Segments { get; init; } = [];

    /// <summary>This record with what an older release stored in its own shapes moved to the engine's.</summary>
    public ModelInfo Upgraded() => LegacyKind is null && LegacyCurves is null ? this : this with
    {
        Kind = LegacyKind is { } name && BaselineKinds.TryParse(name, out var kind) ? kind : Kind,
        Curves = LegacyCurves is { } old ? old.Select(p => p.ToPoint()).OfType<CurvePoint>().ToList() : Curves,
        LegacyKind = null,
        LegacyCurves = null,
    };
}
