namespace GanRsSandbox.Ml.Gan;

public static class GanrsVariants
{
    /// <summary>The names users type, for error messages.</summary>
    public static readonly string Names = NamedValues.Listed<GanrsVariant>();

    public const GanrsVariant Default = GanrsVariant.Matched;

    public static string Name(this GanrsVariant variant) => NamedValues.NameOf(variant);

    public static bool TryParse(string text, out GanrsVariant variant) => NamedValues.TryParse(text, out variant);
}
