using GanRsSandbox.Ml.Data;
using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

[Alias("ganrs.IDatasetGrain")]
public interface IDatasetGrain : IJobOwnerGrain
{
    /// <summary>Parses, validates and stores an uploaded file; a file that fails validation leaves nothing behind.</summary>
    [Alias("Import")] Task<DatasetInfo> ImportAsync(DatasetUpload upload);

    /// <summary>Makes the built-in demo source: a seeded latent-factor dataset, so that a first run needs no file.</summary>
    [Alias("CreateDemo")] Task<DatasetInfo> CreateDemoAsync(string name, int seed);

    /// <summary>Starts sampling a synthetic dataset from a trained generator.</summary>
    [Alias("CreateSynthetic")] Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request);

    /// <summary>Null when the dataset does not exist.</summary>
    [AlwaysInterleave, Alias("Get")] Task<DatasetInfo?> GetAsync();

    [Alias("KnownRatings")] Task<IReadOnlyList<KnownRating>> GetKnownRatingsAsync(string user);

    [Alias("Users")] Task<IReadOnlyList<string>> GetUsersAsync(int offset, int count);

    /// <summary>The dataset as a file other tools read (csv, recbole, parquet), with its original ids.</summary>
    [Alias("Export")] Task<byte[]> ExportAsync(ExportFormat format);

    [Alias("Delete")] Task DeleteAsync();
}
