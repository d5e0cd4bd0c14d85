using System.ComponentModel.DataAnnotations;

namespace GanRsSandbox.Ml.Models;

/// <summary>Training settings; the defaults are the authors' (K=5, Adam 1e-3, batch 32, 10 epochs).</summary>
public sealed record BaselineOptions
{
    /// <summary>The upper bounds of a training request (README, API table).</summary>
    public const int MaxFactors = 1024;

    public const int MaxEpochs = 1000;

    public const int MaxBatchSize = 65_536;

    public const int MaxNegatives = 50;

    [Range(1, MaxFactors)] public int Factors { get; init; } = 5;

    [Range(1, MaxEpochs)] public int Epochs { get; init; } = 10;

    [Range(1, MaxBatchSize)] public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 1e-3;

    public int Seed { get; init; } = 42;

    /// <summary>cpu, cuda or auto.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The rating from which ncf-binary counts an item as relevant; null takes the scale maximum minus one.</summary>
    public double? BinaryThreshold { get; init; }

    /// <summary>
    /// On implicit feedback, how many items the user has not interacted with ncf-binary learns as negatives for each
    /// interaction, drawn afresh every epoch (NCF's own setting is 4). Explicit ratings bring their own negatives.
    /// </summary>
    [Range(0, MaxNegatives)] public int Negatives { get; init; } = 4;

    public void Validate()
    {
        if (Negatives is < 0 or > MaxNegatives)
        {
            throw new ArgumentOutOfRangeException(nameof(Negatives), Negatives, $"must be between 0 and {MaxNegatives}");
        }
        if (Factors is < 1 or > MaxFactors)
        {
            throw new ArgumentOutOfRangeException(nameof(Factors), Factors, $"must be between 1 and {MaxFactors:N0}");
        }
        if (Epochs is < 1 or > MaxEpochs)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"must be between 1 and {MaxEpochs:N0}");
        }
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"must be between 1 and {MaxBatchSize:N0}");
        }
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be a positive number");
        }
    }
}
