using System.Text.Json;
using System.Text.Json.Serialization;
using GanRsSandbox.Ml;

namespace GanRsSandbox.Cli;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public const string Option = "json";

    /// <summary>The --json value that means standard output.</summary>
    public const string Stdout = "-";

    /// <summary>Where the human-readable tables go: stdout, unless the JSON report goes there.</summary>
    public static TextWriter HumanOutput(string? json, TextWriter stdout, TextWriter stderr) => json == Stdout ? stderr : stdout;

    /// <summary>Writes the report to <paramref name="stdout"/> for "-", else to a file, atomically, so a reader never sees half a report.</summary>
    public static void Write<T>(string path, T value, TextWriter stdout)
    {
        if (path == Stdout)
        {
            stdout.WriteLine(JsonSerializer.Serialize(value, Options));
            return;
        }
        ArtifactFile.Write(Path.GetFullPath(path), stream => JsonSerializer.Serialize(stream, value, Options));
    }
}
