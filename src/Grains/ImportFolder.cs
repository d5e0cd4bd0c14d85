using GanRsSandbox.Shared;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains;

/// <summary>
/// The one folder on the silos from which a file may be imported by name (<see cref="SandboxOptions.ImportFolder"/>):
/// for sources too large to upload, or already on the machine. Nothing outside it is readable this way, links
/// included, and no answer names a server path: errors repeat only what the caller wrote.
/// </summary>
public sealed class ImportFolder(IOptions<SandboxOptions> options)
{
    /// <summary>The longest relative path accepted.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>The most files a listing names, and how deep it looks.</summary>
    public const int MaxListed = 1000;

    public const int MaxDepth = 4;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.ImportFolder);

    /// <summary>
    /// The files a user may import from here, relative to the folder with '/' between parts, sorted: at most
    /// <see cref="MaxListed"/>, at most <see cref="MaxDepth"/> folders deep, hidden files and links that lead outside left out.
    /// </summary>
    public IReadOnlyList<string> List()
    {
        if (!Enabled)
        {
            throw Off();
        }
        var root = Root;
        if (!Directory.Exists(root))
        {
            return [];
        }
        var files = new List<string>();
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = MaxDepth, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        foreach (var path in Directory.EnumerateFiles(root, "*", enumeration))
        {
            if (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target && !IsUnder(root, Path.GetFullPath(target.FullName)))
            {
                continue;
            }
            files.Add(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));
            if (files.Count == MaxListed)
            {
                break;
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The full path of an existing file under the folder, from a path relative to it.</summary>
    public string Resolve(string? relative)
    {
        if (!Enabled)
        {
            throw Off();
        }
        if (string.IsNullOrWhiteSpace(relative) || relative.Length > MaxPathLength || relative.Any(char.IsControl))
        {
            throw SandboxException.Invalid("serverPath", $"serverPath must be a path of 1 to {MaxPathLength} printable characters, relative to the import folder");
        }
        var root = Root;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (Path.IsPathRooted(relative) || !IsUnder(root, full))
        {
            throw new SandboxException(SandboxErrorKind.Forbidden, $"serverPath: '{relative}' is not inside the import folder; give a path relative to it", "serverPath");
        }
        if (!File.Exists(full))
        {
            throw new SandboxException(SandboxErrorKind.NotFound, $"serverPath: there is no file '{relative}' in the import folder", "serverPath");
        }
        // A link inside the folder must not open a file outside it.
        if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target && !IsUnder(root, Path.GetFullPath(target.FullName)))
        {
            throw new SandboxException(SandboxErrorKind.Forbidden, $"serverPath: '{relative}' links to a file outside the import folder", "serverPath");
        }
        return full;
    }

    private string Root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.ImportFolder!));

    private static SandboxException Off() => new(SandboxErrorKind.Forbidden,
        "serverPath: importing files from the server is off; an administrator enables it with Sandbox:ImportFolder on the silos", "serverPath");

    private static bool IsUnder(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
