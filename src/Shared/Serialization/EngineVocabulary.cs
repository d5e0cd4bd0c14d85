using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Shared;

/// <summary>The JSON settings every surface of the sandbox shares: the API, the CLI and the cluster's wire for the engine's records.</summary>
public static class EngineVocabulary
{
    public static readonly JsonSerializerOptions Json = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }
}
