using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Gan;

/// <summary>How synthetic data is drawn from a trained GANRS.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GanrsVariant>))]
public enum GanrsVariant
{
    /// <summary>
    /// The generator checkpoint with the best rating fidelity on a held sample (evaluated during training), and
    /// ratings calibrated to the source's histogram by rank instead of by mean only.
    /// </summary>
    [JsonStringEnumMemberName("stable"), Description("the best checkpoint on a held sample, ratings calibrated by rank")] Stable,

    /// <summary>The paper's method exactly: the last generator iterate, mean matching, plain k-means.</summary>
    [JsonStringEnumMemberName("ganrs"), Description("the paper's method exactly: last iterate, mean matching, plain k-means")] Ganrs,

    /// <summary>As <see cref="Stable"/>, with user and item cluster sizes steered towards the source's degree distribution.</summary>
    [JsonStringEnumMemberName("popular"), Description("stable, with cluster sizes steered towards the source's degrees")] Popular,

    /// <summary>
    /// The default: the stable variant's generator and clusters, with the source's user and item degree shapes at
    /// any size, an exact number of ratings, and the source's difficulty (residual noise matched against a reference
    /// model). See <see cref="SyntheticSampler"/>.
    /// </summary>
    [JsonStringEnumMemberName("matched"), Description("the source's degree shapes, an exact size and the source's difficulty")] Matched,

    /// <summary>
    /// The matched pipeline over a generator trained with the Wasserstein objective (the authors' WGANRS settings):
    /// the one variant that needs its own generator, see <see cref="GanrsVariants.Objective"/>.
    /// </summary>
    [JsonStringEnumMemberName("wgan"), Description("matched, over a generator trained as a Wasserstein GAN (the authors' WGANRS)")] Wgan,
}
