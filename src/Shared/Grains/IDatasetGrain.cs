using GanRsSandbox.Ml.Data;
using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

[Alias("ganrs.IDatasetGrain")]
public interface IDatasetGrain : IJobOwnerGrain
{
    /// <summary>
    /// Adds the next chunk of an upload (at most <see cref="MaxUploadChunkBytes"/>) to the file gathering on the silo.
    /// <paramref name="offset"/> is how many bytes came before it, so a lost or repeated chunk is an error, never a
    /// silently corrupt file. Returns the bytes gathered so far.
    /// </summary>
    [Alias("AppendUpload")] Task<long> AppendUploadAsync(long offset, byte[] chunk);

    /// <summary>Drops an upload that will not be finished (the client went away or the file was too large).</summary>
    [Alias("DiscardUpload")] Task DiscardUploadAsync();

    /// <summary>
    /// Parses, validates and stores the uploaded file (or <see cref="DatasetUpload.ServerPath"/>), publishing parse
    /// progress on the event stream as it goes; a file that fails validation leaves nothing behind.
    /// </summary>
    [Alias("Import")] Task<DatasetInfo> ImportAsync(DatasetUpload upload);

    /// <summary>The largest chunk <see cref="AppendUploadAsync"/> takes: well under Orleans' message limit.</summary>
    const int MaxUploadChunkBytes = 16 * 1024 * 1024;

    /// <summary>Makes the built-in demo source: a seeded latent-factor dataset, so that a first run needs no file.</summary>
    [Alias("CreateDemo")] Task<DatasetInfo> CreateDemoAsync(string name, int seed);

    /// <summary>Starts sampling a synthetic dataset from a trained generator.</summary>
    [Alias("CreateSynthetic")] Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request);

    /// <summary>
    /// Joins side information about the users (u.user, users.dat or a CSV with a header) to the dataset by original
    /// id and stores it, with its groups in the stats; a file that does not parse or names unknown users leaves
    /// the dataset as it was. At most <see cref="MaxSideInfoFileBytes"/>.
    /// </summary>
    [Alias("AttachUsers")] Task<DatasetInfo> AttachUsersAsync(string fileName, byte[] content);

    /// <summary>The largest users or items file the grain takes: ML-1M's users.dat is 110 KB, ML-25M's movies.csv 3 MB.</summary>
    const int MaxSideInfoFileBytes = MaxUploadChunkBytes;

    /// <summary>
    /// Joins side information about the items (u.item, movies.dat or a CSV with a header) by original id and stores it,
    /// with its groups (genres) in the stats; a file that does not parse leaves the dataset as it was.
    /// </summary>
    [Alias("AttachItems")] Task<DatasetInfo> AttachItemsAsync(string fileName, byte[] content);

    /// <summary>Null when the dataset does not exist.</summary>
    [AlwaysInterleave, Alias("Get")] Task<DatasetInfo?> GetAsync();

    [Alias("KnownRatings")] Task<IReadOnlyList<KnownRating>> GetKnownRatingsAsync(string user);

    [Alias("Users")] Task<IReadOnlyList<string>> GetUsersAsync(int offset, int count);

    /// <summary>The dataset as a file other tools read (csv, recbole, parquet), with its original ids.</summary>
    [Alias("Export")] Task<byte[]> ExportAsync(ExportFormat format);

    [Alias("Delete")] Task DeleteAsync();
}
