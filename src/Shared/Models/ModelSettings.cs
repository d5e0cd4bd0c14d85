using System.ComponentModel.DataAnnotations;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Shared;

/// <summary>Baseline training settings; null leaves the authors' default.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.ModelSettings")]
public sealed record ModelSettings
{
    [Id(0), Range(1, BaselineOptions.MaxEpochs)] public int? Epochs { get; init; }
    [Id(1), Range(1, BaselineOptions.MaxBatchSize)] public int? BatchSize { get; init; }
    [Id(2), Range(1, BaselineOptions.MaxFactors)] public int? Factors { get; init; }
    [Id(3)] public double? LearningRate { get; init; }
    [Id(4)] public int? Seed { get; init; }
    /// <summary>Share of each dataset held out for the curves and RMSE; 0.2 by default.</summary>
    [Id(5)] public double? TestRatio { get; init; }
}
