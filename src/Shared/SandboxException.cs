namespace GanRsSandbox.Shared;

/// <summary>
/// The one error a grain throws on purpose. It crosses the cluster with its kind and field, so that the web host
/// can answer with the right status and name what was wrong without parsing messages.
/// </summary>
[GenerateSerializer, Alias("ganrs.SandboxException")]
public sealed class SandboxException : Exception
{
    public SandboxException(SandboxErrorKind kind, string message, string? field = null) : base(message)
    {
        Kind = kind;
        Field = field;
    }

    [Id(0)] public SandboxErrorKind Kind { get; private set; }

    /// <summary>The request field, or file:line:field for a bad upload; null when the error is about the whole request.</summary>
    [Id(1)] public string? Field { get; private set; }

    public static SandboxException Invalid(string field, string message) => new(SandboxErrorKind.Invalid, message, field);

    public static SandboxException NotFound(string what, string id) => new(SandboxErrorKind.NotFound, $"{what} '{id}' does not exist");

    public static SandboxException Conflict(string message) => new(SandboxErrorKind.Conflict, message);
}
