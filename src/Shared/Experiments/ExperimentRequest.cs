using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Shared;

/// <summary>The paper's grid for one source (as <c>ganrs reproduce</c>), run as a job on the cluster.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ExperimentRequest")]
public sealed record ExperimentRequest
{
    [Id(0)] public required string SourceDatasetId { get; init; }
    /// <summary>paper (the full grid) or quick (a tenth of the samples and iterations, 3 epochs).</summary>
    [Id(1)] public string Preset { get; init; } = ExperimentPresets.Quick;
    [Id(2)] public int Seed { get; init; } = 1;
    /// <summary>Written before 2026-12; <see cref="Upgraded"/> moves it to <see cref="Variant"/>.</summary>
    [Id(3), JsonIgnore] public string? LegacyVariant { get; init; }
    /// <summary>Optional: multiplies every synthetic dataset's samples (users and items stay), for a smaller grid.</summary>
    [Id(4)] public double? SampleScale { get; init; }
    [Id(5), Range(1, GanrsOptions.MaxIterations)] public int? Iterations { get; init; }
    [Id(6), Range(1, BaselineOptions.MaxEpochs)] public int? Epochs { get; init; }
    /// <summary>Split seeds of the ranking verdict (1 to 10; 3 by default): each extra one trains every cell once more.</summary>
    [Id(7), Range(1, RankingOptions.MaxSeeds)] public int? RankingSeeds { get; init; }
    [Id(8)] public GanrsVariant Variant { get; init; } = GanrsVariants.Default;
    /// <summary>Optional: the scenario knobs (coldUsers, coldItems, ratingShares, popularitySkew) every synthetic dataset is sampled under.</summary>
    [Id(9)] public SampleOptions? Scenario { get; init; }

    public ExperimentRequest Upgraded() => LegacyVariant is { } name
        ? this with { Variant = NamedValues.TryParse<GanrsVariant>(name, out var variant) ? variant : GanrsVariants.Default, LegacyVariant = null }
        : this;
}
