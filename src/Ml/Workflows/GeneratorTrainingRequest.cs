using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>Train a GANRS generator (DeepMF pre-training, then the GAN) on a source.</summary>
public sealed record GeneratorTrainingRequest(RatingsDataset Source)
{
    public GanrsOptions Options { get; init; } = new();

    /// <summary>The cores the training may use (<c>ThreadBudget</c>); null, as many as its batch size can keep busy.</summary>
    public int? Threads { get; init; }
}
