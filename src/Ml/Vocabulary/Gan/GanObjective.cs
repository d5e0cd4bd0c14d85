using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Gan;

/// <summary>The adversarial game the generator is trained with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GanObjective>))]
public enum GanObjective
{
    /// <summary>The paper's: a discriminator with a logistic loss, Adam for both networks.</summary>
    [JsonStringEnumMemberName("standard"), Description("the paper's GAN: logistic loss, Adam")] Standard,

    /// <summary>
    /// The authors' WGANRS: a critic trained on the Wasserstein estimate (mean score of real rows minus that of generated
    /// ones) with its weights clipped to ±<see cref="GanrsOptions.WeightClip"/>, <see cref="GanrsOptions.CriticSteps"/>
    /// critic steps per generator step, RMSprop for both networks (Arjovsky et al., 2017).
    /// </summary>
    [JsonStringEnumMemberName("wasserstein"), Description("WGAN with weight clipping, several critic steps per generator step, RMSprop")] Wasserstein,
}
