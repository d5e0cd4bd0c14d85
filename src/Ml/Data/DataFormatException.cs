namespace GanRsSandbox.Ml.Data;

/// <summary>Input data was rejected. Says which file, which line (1-based, 0 when it concerns the whole file)
/// and which field, so that a user can fix it without reading code.</summary>
public sealed class DataFormatException(string file, long line, string? field, string reason)
    : Exception(Format(file, line, field, reason))
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string? Field { get; } = field;

    public string Reason { get; } = reason;

    private static string Format(string file, long line, string? field, string reason)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return field is null ? $"{where}: {reason}" : $"{where}: field '{field}': {reason}";
    }
}
