using GanRsSandbox.Ml.SideInfo;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>Train a GANRS generator (DeepMF pre-training, then the GAN) on a source.</summary>
public sealed record GeneratorTrainingRequest(RatingsDataset Source)
{
    public GanrsOptions Options { get; init; } = new();

    /// <summary>A categorical user attribute to condition the generator on (CGANRS); null for the paper's unconditional GAN.</summary>
    public UserGrouping? Condition { get; init; }

    /// <summary>The cores the training may use (<c>ThreadBudget</c>); null, as many as its batch size can keep busy.</summary>
    public int? Threads { get; init; }
}
