using System.ComponentModel.DataAnnotations;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Shared;

/// <summary>GANRS training settings as a request gives them: each one the engine's option of the same name, null leaving its default.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.GeneratorSettings")]
public sealed record GeneratorSettings
{
    [Id(0), Range(1, GanrsOptions.MaxIterations)] public int? Iterations { get; init; }
    [Id(1), Range(1, GanrsOptions.MaxEpochs)] public int? PretrainEpochs { get; init; }
    [Id(2), Range(1, GanrsOptions.MaxFactors)] public int? Factors { get; init; }
    [Id(3), Range(1, GanrsOptions.MaxBatchSize)] public int? BatchSize { get; init; }
    [Id(4)] public double? LearningRate { get; init; }
    [Id(5)] public int? EvaluateEvery { get; init; }
    [Id(6)] public double? EvaluationNoiseStd { get; init; }
    [Id(7)] public int? Seed { get; init; }
    [Id(8), Range(1, GanrsOptions.MaxWidth)] public int? NoiseSize { get; init; }
    /// <summary>The adversarial game; the Wasserstein one brings its authors' learning rate and batch size unless those are given.</summary>
    [Id(9)] public GanObjective? Objective { get; init; }
    [Id(10), Range(1, GanrsOptions.MaxCriticSteps)] public int? CriticSteps { get; init; }
    [Id(11)] public double? WeightClip { get; init; }

    /// <summary>The engine's options: its defaults, with these settings where given (not yet validated).</summary>
    public GanrsOptions Resolve()
    {
        var defaults = GanrsOptions.For(Objective ?? GanObjective.Standard);
        return defaults with
        {
            Iterations = Iterations ?? defaults.Iterations,
            PretrainEpochs = PretrainEpochs ?? defaults.PretrainEpochs,
            Factors = Factors ?? defaults.Factors,
            BatchSize = BatchSize ?? defaults.BatchSize,
            LearningRate = LearningRate ?? defaults.LearningRate,
            EvaluateEvery = EvaluateEvery ?? defaults.EvaluateEvery,
            EvaluationNoiseStd = EvaluationNoiseStd ?? defaults.EvaluationNoiseStd,
            Seed = Seed ?? defaults.Seed,
            NoiseSize = NoiseSize ?? defaults.NoiseSize,
            CriticSteps = CriticSteps ?? defaults.CriticSteps,
            WeightClip = WeightClip ?? defaults.WeightClip,
        };
    }
}
