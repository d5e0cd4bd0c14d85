using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml;

/// <summary>
/// The lower-case dashed names (deepmf, test-items, matched …) that the CLI, JSON, the API and the pages use for the
/// engine's enums. A value's name is its <see cref="JsonStringEnumMemberNameAttribute"/>, or its member name in
/// kebab case, so that the name System.Text.Json writes and the name everything else prints are one definition.
/// </summary>
public static class NamedValues
{
    public static string NameOf<T>(T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

    /// <summary>Every value's name, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.InOrder;

    /// <summary>"a, b or c", for error messages.</summary>
    public static string Listed<T>() where T : struct, Enum =>
        Names<T>.InOrder.Count == 1 ? Names<T>.InOrder[0] : string.Join(", ", Names<T>.InOrder.SkipLast(1)) + " or " + Names<T>.InOrder[^1];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var (candidate, name) in Names<T>.ByValue)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(v => v, v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly IReadOnlyList<string> InOrder = Enum.GetValues<T>().Select(v => ByValue[v]).ToList();
    }
}
