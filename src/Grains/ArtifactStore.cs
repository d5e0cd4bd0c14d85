using System.Security.Cryptography;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains;

/// <summary>
/// Large things (ratings, models, generators) live here as files named by the SHA-256 of their bytes, so that grain
/// state holds only an <see cref="ArtifactRef"/>. A file appears under its final name only when complete: writers
/// fill a private temporary file and rename it, which is atomic on one file system, shared paths included.
/// Equal bytes share one file (a model trained twice with the same seed, the same synthetic set sampled twice), so
/// nothing deletes a file when its owner goes: <see cref="Sweep"/> removes what no grain state refers to any more.
/// With <see cref="SandboxOptions.ArtifactBlobs"/> set the artifacts live in a blob container instead
/// (<see cref="ArtifactBlobs"/>), and the data directory, which then need not be shared, caches the ones this silo
/// has used; a cached copy is checked against its hash when it is fetched.
/// </summary>
public sealed class ArtifactStore
{
    private const string IncomingPrefix = ".incoming-";

    private readonly string _root;
    private readonly ILogger<ArtifactStore> _logger;
    private readonly ArtifactBlobs? _blobs;

    public ArtifactStore(IOptions<SandboxOptions> options, ILogger<ArtifactStore> logger)
    {
        _root = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "artifacts");
        _logger = logger;
        Directory.CreateDirectory(_root);
        if (options.Value.ArtifactBlobs is { Length: > 0 } connection)
        {
            _blobs = new ArtifactBlobs(connection, options.Value.ArtifactContainer);
        }
    }

    /// <param name="write">Writes the artifact to the path it is given.</param>
    public ArtifactRef Put(Action<string> write)
    {
        var incoming = Path.Combine(_root, $"{IncomingPrefix}{Guid.NewGuid():N}");
        try
        {
            write(incoming);
            var (hash, bytes) = HashOf(incoming);
            var final = PathOf(hash);
            if (File.Exists(final))
            {
                // A new reference to an old file: freshen it, so that a sweep that began before this reference is
                // written to grain state sees it inside the grace period and leaves it.
                File.SetLastWriteTimeUtc(final, DateTime.UtcNow);
            }
            else
            {
                File.Move(incoming, final, overwrite: true);
            }
            _blobs?.Upload(hash, final);
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
        if (File.Exists(path) || (_blobs is not null && TryFetch(artifact.Hash, path)))
        {
            return path;
        }
        // The caller sees no server path; the log has it.
        _logger.LogError("Artifact {Hash} is missing from {Folder}", artifact.Hash, _root);
        throw SandboxException.Conflict($"artifact {artifact.Hash[..12]} is missing from the {(_blobs is null ? "data directory" : "blob container")}; was it moved or wiped?");
    }

    /// <summary>Copies a blob into the cache, under its name only once its bytes are whole and match the hash.</summary>
    private bool TryFetch(string hash, string path)
    {
        var incoming = Path.Combine(_root, $"{IncomingPrefix}{Guid.NewGuid():N}");
        try
        {
            if (!_blobs!.TryDownload(hash, incoming))
            {
                return false;
            }
            if (HashOf(incoming).Hash != hash)
            {
                _logger.LogError("Artifact {Hash} in the blob container does not match its hash", hash);
                throw SandboxException.Conflict($"artifact {hash[..12]} in the blob container is damaged: its bytes do not match its hash");
            }
            File.Move(incoming, path, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    private static (string Hash, long Bytes) HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    /// <summary>
    /// Removes every artifact that is not in <paramref name="referenced"/> and every unfinished write (a writer that
    /// crashed mid-way), provided it is older than <paramref name="grace"/>: a job stores its file before its grain
    /// state names it, and a file younger than the grace period may be such a one. Returns the names removed. With a
    /// blob container, its unreferenced blobs go by the same rule, and so do this silo's cached copies.
    /// </summary>
    public IReadOnlyList<string> Sweep(IReadOnlySet<string> referenced, TimeSpan grace)
    {
        var cutoff = DateTime.UtcNow - grace;
        var removed = new List<string>();
        if (_blobs is not null)
        {
            removed.AddRange(_blobs.Sweep(name => !IsHash(name) || referenced.Contains(name), cutoff));
        }
        foreach (var path in Directory.EnumerateFiles(_root))
        {
            var name = Path.GetFileName(path);
            var isArtifact = IsHash(name);
            if (!(isArtifact ? !referenced.Contains(name) : name.StartsWith(IncomingPrefix, StringComparison.Ordinal)))
            {
                continue;
            }
            try
            {
                if (File.GetLastWriteTimeUtc(path) <= cutoff)
                {
                    File.Delete(path);
                    removed.Add(name);
                }
            }
            catch (IOException e)
            {
                _logger.LogWarning("Artifact sweep could not remove {File}: {Error}", name, e.Message);
            }
        }
        return removed;
    }

    /// <summary>The artifacts there are now, by hash: the blobs, or the data directory's files.</summary>
    public IReadOnlyList<string> List() =>
        _blobs?.List().Where(IsHash).ToList() ?? Directory.EnumerateFiles(_root).Select(Path.GetFileName).OfType<string>().Where(IsHash).ToList();

    /// <summary>
    /// Where an upload in progress for <paramref name="owner"/> gathers its bytes: an unfinished write to the sweep, so an
    /// upload abandoned mid-way (the client went away, the silo died) is removed once it has been still for the grace period.
    /// </summary>
    public string StagingPath(string owner) =>
        SandboxIds.IsWellFormed(owner) ? Path.Combine(_root, $"{IncomingPrefix}upload-{owner}")
            : throw new ArgumentException($"not a resource id: {owner}");

    /// <summary>
    /// Whether every silo sees the same work folders: true when the data directory is the shared artifact path, false
    /// with a blob container, where each silo's data directory is its own cache.
    /// </summary>
    public bool WorkFoldersShared => _blobs is null;

    /// <summary>A folder for work that outgrows one file (an experiment grid), next to the artifacts on the data path.</summary>
    public string WorkFolder(string name) =>
        SandboxIds.IsWellFormed(name) ? Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(_root)!, "work", name)).FullName
            : throw new ArgumentException($"not a work folder name: {name}");

    private string PathOf(string hash) =>
        IsHash(hash) ? Path.Combine(_root, hash) : throw new ArgumentException($"not an artifact hash: {hash}");

    /// <summary>An artifact's file name: the lower-case hex SHA-256 of its bytes.</summary>
    private static bool IsHash(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);
}
