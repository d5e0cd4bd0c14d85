using System.Security.Cryptography;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains;

/// <summary>
/// Large things (ratings, models, generators) live here as files named by the SHA-256 of their bytes, so that grain
/// state holds only an <see cref="ArtifactRef"/>. A file appears under its final name only when complete: writers
/// fill a private temporary file and rename it, which is atomic on one file system, shared paths included.
/// </summary>
public sealed class ArtifactStore
{
    private readonly string _root;

    public ArtifactStore(IOptions<SandboxOptions> options)
    {
        _root = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "artifacts");
        Directory.CreateDirectory(_root);
    }

    /// <param name="write">Writes the artifact to the path it is given.</param>
    public ArtifactRef Put(Action<string> write)
    {
        var incoming = Path.Combine(_root, $".incoming-{Guid.NewGuid():N}");
        try
        {
            write(incoming);
            string hash;
            long bytes;
            using (var stream = File.OpenRead(incoming))
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(stream));
                bytes = stream.Length;
            }
            var final = PathOf(hash);
            if (!File.Exists(final))
            {
                File.Move(incoming, final, overwrite: true);
            }
            return new ArtifactRef { Hash = hash, Bytes = bytes };
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    /// <summary>The path of an artifact that must exist; a missing one (a wiped data directory) is a conflict, not a crash.</summary>
    public string Locate(ArtifactRef artifact)
    {
        var path = PathOf(artifact.Hash);
        return File.Exists(path)
            ? path
            : throw SandboxException.Conflict($"artifact {artifact.Hash[..12]} is missing from {_root}; was the data directory moved or wiped?");
    }

    /// <summary>A folder for work that outgrows one file (an experiment grid), next to the artifacts on the same shared path.</summary>
    public string WorkFolder(string name) =>
        SandboxIds.IsWellFormed(name) ? Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(_root)!, "work", name)).FullName
            : throw new ArgumentException($"not a work folder name: {name}");

    public void Delete(ArtifactRef artifact) => File.Delete(PathOf(artifact.Hash));

    private string PathOf(string hash) =>
        hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? Path.Combine(_root, hash) : throw new ArgumentException($"not an artifact hash: {hash}");
}
