using System.ComponentModel.DataAnnotations;
using Orleans;

namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.DatasetKind")]
public enum DatasetKind
{
    Source = 0,
    Synthetic = 1,
}

/// <summary>Where a dataset, generator or model stands; the job behind a pending one says how far it is.</summary>
[GenerateSerializer, Alias("ganrs.ResourceStatus")]
public enum ResourceStatus
{
    Pending = 0,
    Ready = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>A file in the artifact store, named by the SHA-256 of its bytes, so that grain state holds only this.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ArtifactRef")]
public sealed record ArtifactRef
{
    [Id(0)] public required string Hash { get; init; }
    [Id(1)] public required long Bytes { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ScaleRange")]
public sealed record ScaleRange
{
    [Id(0)] public required int Min { get; init; }
    [Id(1)] public required int Max { get; init; }
}

/// <summary>The same figures as <c>ganrs stats</c>.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.DatasetStatistics")]
public sealed record DatasetStatistics
{
    [Id(0)] public required int Users { get; init; }
    [Id(1)] public required int Items { get; init; }
    [Id(2)] public required int Ratings { get; init; }
    [Id(3)] public required double Density { get; init; }
    [Id(4)] public required double Mean { get; init; }
    [Id(5)] public required ScaleRange Scale { get; init; }
    /// <summary>Count of each rating value, keyed by the value as text.</summary>
    [Id(6)] public required IReadOnlyDictionary<string, int> Histogram { get; init; }
    [Id(7)] public required double GiniUsers { get; init; }
    [Id(8)] public required double GiniItems { get; init; }
    /// <summary>Ratings per user and per item, most popular first, down-sampled to at most 200 points for long-tail charts.</summary>
    [Id(9)] public IReadOnlyList<int> UserDegrees { get; init; } = [];
    [Id(10)] public IReadOnlyList<int> ItemDegrees { get; init; } = [];
}

/// <summary>Where a dataset came from: a file, the demo, or a generator with its sampling settings.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.DatasetLineage")]
public sealed record DatasetLineage
{
    [Id(0)] public string? FileName { get; init; }
    [Id(1)] public string? Format { get; init; }
    [Id(2)] public string? GeneratorId { get; init; }
    [Id(3)] public string? SourceDatasetId { get; init; }
    [Id(4)] public SyntheticRequest? Sampling { get; init; }
}

/// <summary>Source against synthetic for one figure.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.FigurePair")]
public sealed record FigurePair
{
    [Id(0)] public required double Source { get; init; }
    [Id(1)] public required double Synthetic { get; init; }
}

/// <summary>The fidelity report of a synthetic dataset against its source, as <c>ganrs generate</c> writes it.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.FidelitySummary")]
public sealed record FidelitySummary
{
    [Id(0)] public required double RatingTvd { get; init; }
    [Id(1)] public double? RawRatingTvd { get; init; }
    [Id(2)] public required double MeanGap { get; init; }
    [Id(3)] public required FigurePair Density { get; init; }
    [Id(4)] public required FigurePair GiniUsers { get; init; }
    [Id(5)] public required FigurePair GiniItems { get; init; }
    [Id(6)] public required FigurePair HeadShare { get; init; }
    [Id(7)] public double? DcrMedian { get; init; }
    [Id(8)] public double? DcrP5 { get; init; }
    [Id(9)] public int? NearCopies { get; init; }
    [Id(10)] public required long CollapsedPairs { get; init; }
    /// <summary>KS distance of the log(degree / mean) distributions: the shape of the long tail.</summary>
    [Id(11)] public double? UserDegreeKs { get; init; }
    [Id(12)] public double? ItemDegreeKs { get; init; }
    /// <summary>The reference model's test RMSE on the source and on the synthetic set.</summary>
    [Id(13)] public FigurePair? ReferenceRmse { get; init; }
    /// <summary>The residual noise the matched variant gave the ratings, in rating units.</summary>
    [Id(14)] public double? NoiseStd { get; init; }
    [Id(15)] public long? RequestedRatings { get; init; }
    /// <summary>The GAN samples' own rating TVD under the paper's decoding.</summary>
    [Id(16)] public double? GanRatingTvd { get; init; }
    [Id(17)] public IReadOnlyList<ScorecardLine> Scorecard { get; init; } = [];
}

/// <summary>One line of the fidelity scorecard: a measured value against its target ("at most" / "at least").</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ScorecardLine")]
public sealed record ScorecardLine
{
    [Id(0)] public required string Metric { get; init; }
    [Id(1)] public double? Value { get; init; }
    [Id(2)] public required double Target { get; init; }
    [Id(3)] public required string Rule { get; init; }
    [Id(4)] public bool? Pass { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.DatasetInfo")]
public sealed record DatasetInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required DatasetKind Kind { get; init; }
    [Id(3)] public required ResourceStatus Status { get; init; }
    [Id(4)] public DatasetStatistics? Stats { get; init; }
    [Id(5)] public required DatasetLineage Lineage { get; init; }
    [Id(6)] public FidelitySummary? Fidelity { get; init; }
    [Id(7)] public string? JobId { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public ArtifactRef? Artifact { get; init; }
}

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

/// <summary>GANRS training settings; null leaves the paper's default.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.GeneratorSettings")]
public sealed record GeneratorSettings
{
    [Id(0), Range(1, RequestBounds.MaxIterations)] public int? Iterations { get; init; }
    [Id(1), Range(1, RequestBounds.MaxGeneratorEpochs)] public int? PretrainEpochs { get; init; }
    [Id(2), Range(1, RequestBounds.MaxGeneratorFactors)] public int? Factors { get; init; }
    [Id(3), Range(1, RequestBounds.MaxGeneratorBatchSize)] public int? BatchSize { get; init; }
    [Id(4)] public double? LearningRate { get; init; }
    [Id(5)] public int? EvaluateEvery { get; init; }
    [Id(6)] public double? EvaluationNoiseStd { get; init; }
    [Id(7)] public int? Seed { get; init; }
    [Id(8), Range(1, RequestBounds.MaxNoiseSize)] public int? NoiseSize { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.GeneratorRequest")]
public sealed record GeneratorRequest
{
    [Id(0)] public required string SourceDatasetId { get; init; }
    [Id(1)] public GeneratorSettings Options { get; init; } = new();
}

[GenerateSerializer, Immutable, Alias("ganrs.LossPoint")]
public sealed record LossSample
{
    [Id(0)] public required long Iteration { get; init; }
    [Id(1)] public required double Discriminator { get; init; }
    [Id(2)] public required double Generator { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.GeneratorInfo")]
public sealed record GeneratorInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string SourceDatasetId { get; init; }
    [Id(2)] public required ResourceStatus Status { get; init; }
    [Id(3)] public required GeneratorSettings Options { get; init; }
    [Id(4)] public string? JobId { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public int? BestIteration { get; init; }
    [Id(7)] public double? BestHeldRatingTvd { get; init; }
    [Id(8)] public IReadOnlyList<LossSample> Losses { get; init; } = [];
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public ArtifactRef? Artifact { get; init; }
    [Id(11)] public string? SourceName { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.SyntheticRequest")]
public sealed record SyntheticRequest
{
    [Id(0)] public required string GeneratorId { get; init; }
    [Id(1), Range(1, RequestBounds.MaxUsers)] public int Users { get; init; } = 2000;
    [Id(2), Range(1, RequestBounds.MaxItems)] public int Items { get; init; } = 4000;
    [Id(3), Range(1, RequestBounds.MaxSamples)] public long Samples { get; init; } = 800_000;
    [Id(4)] public double NoiseStd { get; init; } = 2.5;
    [Id(5)] public int Seed { get; init; } = 1;
    /// <summary>matched (default), stable, ganrs or popular.</summary>
    [Id(6)] public string Variant { get; init; } = "matched";
    [Id(7)] public string? Name { get; init; }
    /// <summary>The exact number of ratings to make (matched variant); null: as many as the samples give.</summary>
    [Id(8), Range(1, RequestBounds.MaxRatings)] public long? Ratings { get; init; }
}

/// <summary>Baseline training settings; null leaves the authors' default.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ModelSettings")]
public sealed record ModelSettings
{
    [Id(0), Range(1, RequestBounds.MaxModelEpochs)] public int? Epochs { get; init; }
    [Id(1), Range(1, RequestBounds.MaxModelBatchSize)] public int? BatchSize { get; init; }
    [Id(2), Range(1, RequestBounds.MaxModelFactors)] public int? Factors { get; init; }
    [Id(3)] public double? LearningRate { get; init; }
    [Id(4)] public int? Seed { get; init; }
    /// <summary>Share of each dataset held out for the curves and RMSE; 0.2 by default.</summary>
    [Id(5)] public double? TestRatio { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ModelRequest")]
public sealed record ModelRequest
{
    [Id(0)] public required string DatasetId { get; init; }
    /// <summary>deepmf, vdeepmf, ncf, ncf-classification, ncf-improved or ncf-binary.</summary>
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public ModelSettings Options { get; init; } = new();
}

/// <summary>One point of a precision/recall/F1 curve, as <c>ganrs evaluate</c> writes it.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.CurvePoint")]
public sealed record CurvePoint
{
    [Id(0)] public required string Protocol { get; init; }
    [Id(1)] public required int Threshold { get; init; }
    [Id(2)] public required int N { get; init; }
    [Id(3)] public required double Precision { get; init; }
    [Id(4)] public required double Recall { get; init; }
    [Id(5)] public required double F1 { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.ModelInfo")]
public sealed record ModelInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string DatasetId { get; init; }
    [Id(2)] public required string Kind { get; init; }
    [Id(3)] public required ResourceStatus Status { get; init; }
    [Id(4)] public double? Rmse { get; init; }
    [Id(5)] public double? Mae { get; init; }
    [Id(6)] public IReadOnlyList<CurvePoint> Curves { get; init; } = [];
    [Id(7)] public string? JobId { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public required ModelSettings Options { get; init; }
    [Id(10)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(11)] public ArtifactRef? Artifact { get; init; }
    [Id(12)] public double? TrainSeconds { get; init; }
}

[GenerateSerializer, Immutable, Alias("ganrs.Recommendation")]
public sealed record Recommendation
{
    [Id(0)] public required string Item { get; init; }
    [Id(1)] public required double Score { get; init; }
    [Id(2)] public double? PredictedRating { get; init; }
    /// <summary>p(argmax) for classification models; null for the others.</summary>
    [Id(3)] public double? Reliability { get; init; }
}

/// <summary>A user's known ratings, so that a client can show what the recommendations exclude.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.KnownRating")]
public sealed record KnownRating
{
    [Id(0)] public required string Item { get; init; }
    [Id(1)] public required double Rating { get; init; }
}

public static class SandboxIds
{
    /// <summary>A short random id with a readable prefix (ds-, gen-, model-, job-): unique enough for one sandbox, easy to type.</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Ids come from URLs; anything but letters, digits and dashes is refused before it reaches a grain.</summary>
    public static bool IsWellFormed(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
