using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GanRsSandbox.Grains;

/// <summary>
/// The shared tier of <see cref="ArtifactStore"/> when silos share no disk: one Azure Blob Storage container (or
/// Azurite) holds every artifact under its hash, and each silo's data directory only caches what it has used. A blob
/// appears only when its upload commits, so a reader never sees half an artifact, as with the file store's rename.
/// </summary>
public sealed class ArtifactBlobs
{
    private readonly BlobContainerClient _container;

    public ArtifactBlobs(string connectionString, string container)
    {
        _container = new BlobContainerClient(connectionString, container);
        _container.CreateIfNotExists();
    }

    /// <summary>
    /// Uploads <paramref name="path"/> as <paramref name="hash"/> unless that blob exists already; an existing one is
    /// freshened instead, so that a sweep that began before the new reference reached grain state leaves it.
    /// </summary>
    public void Upload(string hash, string path)
    {
        var blob = _container.GetBlobClient(hash);
        try
        {
            blob.Upload(path, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            blob.SetMetadata(new Dictionary<string, string> { ["referenced"] = DateTime.UtcNow.ToString("O") });
        }
    }

    /// <summary>Downloads <paramref name="hash"/> to <paramref name="path"/>; false when no such blob exists.</summary>
    public bool TryDownload(string hash, string path)
    {
        try
        {
            _container.GetBlobClient(hash).DownloadTo(path);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes the blobs that <paramref name="keep"/> rejects and that were last written before <paramref name="cutoff"/>.
    /// The age is checked by the service in the same call, so a blob freshened by a concurrent upload is never deleted.
    /// </summary>
    public IReadOnlyList<string> Sweep(Func<string, bool> keep, DateTimeOffset cutoff)
    {
        var removed = new List<string>();
        foreach (var item in _container.GetBlobs())
        {
            if (keep(item.Name) || item.Properties.LastModified > cutoff)
            {
                continue;
            }
            try
            {
                if (_container.GetBlobClient(item.Name).DeleteIfExists(conditions: new BlobRequestConditions { IfUnmodifiedSince = cutoff }))
                {
                    removed.Add(item.Name);
                }
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Freshened since it was listed: referenced again.
            }
        }
        return removed;
    }

    public IReadOnlyList<string> List() => _container.GetBlobs().Select(item => item.Name).ToList();
}
