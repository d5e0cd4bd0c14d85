namespace GanRsSandbox.Ml.Gan;

public static class GanrsVariants
{
    /// <summary>The names users type, for error messages.</summary>
    public static readonly string Names = NamedValues.Listed<GanrsVariant>();

    public const GanrsVariant Default = GanrsVariant.Matched;

    public static string Name(this GanrsVariant variant) => NamedValues.NameOf(variant);

    /// <summary>Whether the variant samples through the matched pipeline (degree shapes, exact size, difficulty, scenarios).</summary>
    public static bool IsMatched(this GanrsVariant variant) => variant is GanrsVariant.Matched or GanrsVariant.Wgan;

    /// <summary>The objective the variant's generator is trained with: every variant but <see cref="GanrsVariant.Wgan"/> samples the paper's GAN.</summary>
    public static GanObjective Objective(this GanrsVariant variant) => variant == GanrsVariant.Wgan ? GanObjective.Wasserstein : GanObjective.Standard;

    public static bool TryParse(string text, out GanrsVariant variant) => NamedValues.TryParse(text, out variant);

    /// <summary>Why the variant cannot sample a generator trained with <paramref name="objective"/>; null when it can.</summary>
    public static string? Refuses(this GanrsVariant variant, GanObjective objective) => variant.Objective() == objective
        ? null
        : objective == GanObjective.Wasserstein
            ? $"this generator was trained as a Wasserstein GAN, which the {GanrsVariant.Wgan.Name()} variant samples"
            : $"the {GanrsVariant.Wgan.Name()} variant samples a generator trained as a Wasserstein GAN; this one was trained with the standard objective";
}
