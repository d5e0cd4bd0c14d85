using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Datasets as the API and the pages see them. Errors are <see cref="SandboxException"/>s with the field at fault.</summary>
public interface IDatasetService
{
    /// <summary>
    /// Streams a file to a new dataset, which holds it, unparsed, until <see cref="ImportAsync"/>; returns that dataset's
    /// id. Over <c>Api:MaxUploadBytes</c> it stops with an <see cref="Api.UploadTooLargeException"/> and keeps nothing.
    /// </summary>
    /// <param name="length">The file's size when known, for progress only: the limit applies to the bytes that arrive.</param>
    Task<string> SendAsync(Stream content, long? length, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Parses and stores the file sent to <paramref name="sentTo"/>, or, with no id, the upload's
    /// <see cref="DatasetUpload.ServerPath"/>; reports the parse as it goes.
    /// </summary>
    Task<DatasetInfo> ImportAsync(DatasetUpload upload, string? sentTo = null, IProgress<StageProgress>? progress = null);

    /// <summary>
    /// Fetches a MovieLens release from its publisher (<c>Downloads:MovieLensBaseUrl</c>), checks its SHA-256, and imports
    /// its ratings file as a new source. A failed or damaged download is a <see cref="SandboxErrorKind.BadGateway"/>.
    /// </summary>
    Task<DatasetInfo> DownloadAsync(MovieLensRelease release, string? name = null, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The files a user may import by <see cref="DatasetUpload.ServerPath"/>; a forbidden error when the silos have no import folder.</summary>
    Task<IReadOnlyList<string>> ServerFilesAsync();

    /// <summary>Drops a file that was sent but will not be imported; never throws (the artifact sweep removes what it cannot).</summary>
    Task DiscardAsync(string sentTo);

    Task<byte[]> ExportAsync(string id, ExportFormat format);

    /// <summary>Joins a users file (side information) to the dataset; its groups appear in the stats.</summary>
    Task<DatasetInfo> AttachUsersAsync(string id, string fileName, byte[] content);

    /// <summary>Joins an items file (genres) to the dataset; its groups appear in the stats.</summary>
    Task<DatasetInfo> AttachItemsAsync(string id, string fileName, byte[] content);

    Task<DatasetInfo> CreateDemoAsync(string name, int seed);

    Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request);

    Task<IReadOnlyList<DatasetInfo>> ListAsync();

    Task<DatasetInfo> GetAsync(string id);

    Task DeleteAsync(string id);

    Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count);

    Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user);
}
