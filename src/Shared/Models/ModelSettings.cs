using System.ComponentModel.DataAnnotations;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Shared;

/// <summary>Baseline training settings as a request gives them: each one the engine's option of the same name, null leaving its default.</summary>
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

    /// <summary>The engine's options: its defaults, with these settings where given (not yet validated).</summary>
    public BaselineOptions Resolve()
    {
        var defaults = new BaselineOptions();
        return defaults with
        {
            Epochs = Epochs ?? defaults.Epochs,
            BatchSize = BatchSize ?? defaults.BatchSize,
            Factors = Factors ?? defaults.Factors,
            LearningRate = LearningRate ?? defaults.LearningRate,
            Seed = Seed ?? defaults.Seed,
        };
    }
}
