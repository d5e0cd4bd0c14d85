using System.ComponentModel.DataAnnotations;
using Orleans;
using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

/// <summary>The paper's grid for one source (as <c>ganrs reproduce</c>), run as a job on the cluster.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ExperimentRequest")]
public sealed record ExperimentRequest
{
    [Id(0)] public required string SourceDatasetId { get; init; }
    /// <summary>paper (the full grid) or quick (a tenth of the samples and iterations, 3 epochs).</summary>
    [Id(1)] public string Preset { get; init; } = "quick";
    [Id(2)] public int Seed { get; init; } = 1;
    [Id(3)] public string Variant { get; init; } = "matched";
    /// <summary>Optional: multiplies every synthetic dataset's samples (users and items stay), for a smaller grid.</summary>
    [Id(4)] public double? SampleScale { get; init; }
    [Id(5), Range(1, RequestBounds.MaxIterations)] public int? Iterations { get; init; }
    [Id(6), Range(1, RequestBounds.MaxModelEpochs)] public int? Epochs { get; init; }
    /// <summary>Split seeds of the ranking verdict (1 to 10; 3 by default): each extra one trains every cell once more.</summary>
    [Id(7), Range(1, RequestBounds.MaxRankingSeeds)] public int? RankingSeeds { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentDatasetRow")]
public sealed record ExperimentDatasetRow
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public required int Users { get; init; }
    [Id(2)] public required int Items { get; init; }
    [Id(3)] public required int Ratings { get; init; }
    [Id(4)] public long? Samples { get; init; }
    [Id(5)] public double? RatingTvd { get; init; }
    [Id(6)] public double? GiniItemsSynthetic { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentCell")]
public sealed record ExperimentCell
{
    [Id(0)] public required string Dataset { get; init; }
    [Id(1)] public required string Model { get; init; }
    [Id(2)] public double? Rmse { get; init; }
    [Id(3)] public double? Mae { get; init; }
    [Id(4)] public IReadOnlyList<CurvePoint> Curves { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentTrend")]
public sealed record ExperimentTrend
{
    [Id(0)] public required string Where { get; init; }
    [Id(1)] public required string Expected { get; init; }
    [Id(2)] public required bool Holds { get; init; }
    [Id(3)] public required string Evidence { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentAgreement")]
public sealed record ExperimentAgreement
{
    [Id(0)] public required string Dataset { get; init; }
    [Id(1)] public double? KendallTau { get; init; }
    [Id(2)] public IReadOnlyList<string> SourceOrder { get; init; } = [];
    [Id(3)] public IReadOnlyList<string> SyntheticOrder { get; init; } = [];
    [Id(4)] public int SmallestN { get; init; }
    [Id(5)] public double? KendallTauAtSmallestN { get; init; }
    /// <summary>The ranking verdict (the same definition as <c>ganrs fidelity --ranking</c>); null until the cells of two seeds exist.</summary>
    [Id(6)] public double? VerdictTau { get; init; }
    [Id(7)] public double? SelfAgreementTau { get; init; }
    [Id(8)] public string? VerdictProtocol { get; init; }
    [Id(9)] public int? VerdictThreshold { get; init; }
    [Id(10)] public IReadOnlyList<int> Seeds { get; init; } = [];
    [Id(11)] public bool? BestAgrees { get; init; }
    [Id(12)] public bool? WorstAgrees { get; init; }
}

/// <summary>What the grid holds so far: cells appear as they finish, the analysis covers the finished ones.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ExperimentResults")]
public sealed record ExperimentResults
{
    [Id(0)] public IReadOnlyList<string> PlannedDatasets { get; init; } = [];
    [Id(1)] public IReadOnlyList<string> Models { get; init; } = [];
    [Id(2)] public IReadOnlyList<ExperimentDatasetRow> Datasets { get; init; } = [];
    [Id(3)] public IReadOnlyList<ExperimentCell> Cells { get; init; } = [];
    [Id(4)] public IReadOnlyList<ExperimentTrend> Trends { get; init; } = [];
    [Id(5)] public IReadOnlyList<ExperimentAgreement> Agreement { get; init; } = [];
    [Id(6)] public string Protocol { get; init; } = "test-items";
    [Id(7)] public int Threshold { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ExperimentInfo")]
public sealed record ExperimentInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ExperimentRequest Request { get; init; }
    [Id(2)] public string? SourceName { get; init; }
    [Id(3)] public required ResourceStatus Status { get; init; }
    [Id(4)] public string? JobId { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public ExperimentResults? Results { get; init; }
}

[Alias("ganrs.IExperimentGrain")]
public interface IExperimentGrain : IJobOwnerGrain
{
    [Alias("Start")] Task<JobInfo> StartAsync(ExperimentRequest request);

    /// <summary>With the results so far, read from the run's folder.</summary>
    [AlwaysInterleave, Alias("Get")] Task<ExperimentInfo?> GetAsync();

    /// <summary>results.csv, results.json or report.md, once the grid has finished.</summary>
    [AlwaysInterleave, Alias("File")] Task<byte[]> GetFileAsync(string name);
}
