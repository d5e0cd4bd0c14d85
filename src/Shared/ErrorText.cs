using System.Text.RegularExpressions;

namespace GanRsSandbox.Shared;

/// <summary>
/// What of an error message a client may read: the first line (stack traces and remote traces stay in the log) with
/// every absolute server path cut to its last part, so that neither the layout of the silo's disk nor a user name
/// in a home folder leaves the server.
/// </summary>
public static partial class ErrorText
{
    private const int MaxLength = 300;

    public static string ForClient(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        line = AbsolutePath().Replace(line, match => "…/" + match.Groups["last"].Value);
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }

    // A slash that starts a path (not one inside a word, a number or a URL's double slash), two or more segments.
    [GeneratedRegex(@"(?<![\w.:/])/(?:[^\s/'"":;,()]+/)+(?<last>[^\s/'"":;,()]*)")]
    private static partial Regex AbsolutePath();
}
