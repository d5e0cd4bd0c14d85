using GanRsSandbox.BlazorUi.Api;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>The only place that knows datasets are grains.</summary>
public sealed class DatasetService(
    IClusterClient cluster,
    ISandboxEvents events,
    IOptions<ApiLimits> limits,
    IOptions<DownloadSettings> downloads,
    MovieLensDownloader downloader,
    ILogger<DatasetService> logger) : IDatasetService
{
    /// <summary>
    /// What an upload sends per grain call. The web host holds one chunk at a time, so its memory does not grow with
    /// the file; a larger chunk saves round trips, a smaller one is gentler on the silo's message queue.
    /// </summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    public async Task<string> SendAsync(Stream content, long? length, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var max = limits.Value.MaxUploadBytes;
        var id = SandboxIds.New("ds");
        var grain = cluster.GetGrain<IDatasetGrain>(id);
        long sent = 0;
        try
        {
            while (await ReadChunkAsync(content, cancellationToken) is { Length: > 0 } chunk)
            {
                if (sent + chunk.Length > max)
                {
                    throw new UploadTooLargeException(max);
                }
                sent = await grain.AppendUploadAsync(sent, chunk);
                progress?.Report(new StageProgress(StageNames.Upload, sent, length ?? 0));
            }
            return id;
        }
        catch when (sent > 0)
        {
            await DiscardQuietlyAsync(grain);
            throw;
        }
    }

    public async Task<DatasetInfo> ImportAsync(DatasetUpload upload, string? sentTo = null, IProgress<StageProgress>? progress = null)
    {
        var id = sentTo ?? SandboxIds.New("ds");
        // The grain publishes its parse progress on the event stream; only this import's reach its caller.
        Action<SandboxEvent>? relay = progress is null ? null : change =>
        {
            if (change is { Kind: RegistryEntryKind.Dataset, Progress: { } stage } && change.Id == id)
            {
                progress.Report(stage);
            }
        };
        events.Changed += relay;
        try
        {
            return await cluster.GetGrain<IDatasetGrain>(id).ImportAsync(upload);
        }
        finally
        {
            events.Changed -= relay;
        }
    }

    public async Task<DatasetInfo> DownloadAsync(MovieLensRelease release, string? name = null, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var source = release.Source();
        // The archive and its ratings file pass through the web host's temporary folder, never its memory.
        var folder = Directory.CreateTempSubdirectory("ganrs-download-").FullName;
        try
        {
            string ratings;
            try
            {
                var archive = await downloader.DownloadAsync(source, downloads.Value.BaseUri, folder, progress, cancellationToken);
                ratings = MovieLensDownloader.ExtractRatings(archive, source, folder);
            }
            catch (DownloadException e)
            {
                throw new SandboxException(SandboxErrorKind.BadGateway, $"{source.Name}: {e.Message}", "release");
            }
            string sentTo;
            await using (var stream = File.OpenRead(ratings))
            {
                sentTo = await SendAsync(stream, stream.Length, progress, cancellationToken);
            }
            return await ImportAsync(new DatasetUpload { Name = name ?? source.Name, FileName = source.RatingsEntry }, sentTo, progress);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public Task<IReadOnlyList<string>> ServerFilesAsync() => cluster.GetGrain<IImportFolderGrain>(0).ListAsync();

    public Task DiscardAsync(string sentTo) => DiscardQuietlyAsync(cluster.GetGrain<IDatasetGrain>(sentTo));

    /// <summary>The next chunk, full unless the stream ends; empty at its end. Each chunk is a new array: the call that sends it may still hold it.</summary>
    private static async Task<byte[]> ReadChunkAsync(Stream content, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        var filled = await content.ReadAtLeastAsync(chunk, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
        return filled == ChunkBytes ? chunk : chunk[..filled];
    }

    private async Task DiscardQuietlyAsync(IDatasetGrain grain)
    {
        try
        {
            await grain.DiscardUploadAsync();
        }
        catch (Exception e)
        {
            // The artifact sweep removes what is left once it has been still for its grace period.
            logger.LogWarning("Could not drop an unfinished upload: {Reason}", e.Message);
        }
    }

    public Task<DatasetInfo> CreateDemoAsync(string name, int seed) =>
        cluster.GetGrain<IDatasetGrain>(SandboxIds.New("ds")).CreateDemoAsync(name, seed);

    public Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request) =>
        cluster.GetGrain<IDatasetGrain>(SandboxIds.New("ds")).CreateSyntheticAsync(request);

    public Task<IReadOnlyList<DatasetInfo>> ListAsync() =>
        Listing.AllAsync(cluster, RegistryEntryKind.Dataset, id => cluster.GetGrain<IDatasetGrain>(id).GetAsync());

    public async Task<DatasetInfo> GetAsync(string id) =>
        await Listing.Existing(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetAsync());

    public Task<byte[]> ExportAsync(string id, ExportFormat format) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).ExportAsync(format));

    public Task<DatasetInfo> AttachUsersAsync(string id, string fileName, byte[] content) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).AttachUsersAsync(fileName, content));

    public Task<DatasetInfo> AttachItemsAsync(string id, string fileName, byte[] content) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).AttachItemsAsync(fileName, content));

    public Task DeleteAsync(string id) => Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).DeleteAsync());

    public Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetUsersAsync(offset, count));

    public Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user) =>
        Listing.Checked(id, "dataset", () => cluster.GetGrain<IDatasetGrain>(id).GetKnownRatingsAsync(user));
}
