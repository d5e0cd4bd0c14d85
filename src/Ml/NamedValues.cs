namespace GanRsSandbox.Ml;

/// <summary>Parses the lower-case names (deepmf, test-items, stable …) that the CLI, JSON and API use for enum values.</summary>
public static class NamedValues
{
    public static bool TryParse<T>(string text, Func<T, string> name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
