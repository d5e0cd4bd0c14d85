namespace GanRsSandbox.Shared;

public static class SandboxIds
{
    /// <summary>A short random id with a readable prefix (ds-, gen-, model-, job-): unique enough for one sandbox, easy to type.</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Ids come from URLs; anything but letters, digits and dashes is refused before it reaches a grain.</summary>
    public static bool IsWellFormed(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
