using GanRsSandbox.Ml.Data;
using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Datasets as the API and the pages see them. Errors are <see cref="SandboxException"/>s with the field at fault.</summary>
public interface IDatasetService
{
    Task<DatasetInfo> ImportAsync(DatasetUpload upload);

    Task<byte[]> ExportAsync(string id, ExportFormat format);

    Task<DatasetInfo> CreateDemoAsync(string name, int seed);

    Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request);

    Task<IReadOnlyList<DatasetInfo>> ListAsync();

    Task<DatasetInfo> GetAsync(string id);

    Task DeleteAsync(string id);

    Task<IReadOnlyList<string>> UsersAsync(string id, int offset, int count);

    Task<IReadOnlyList<KnownRating>> KnownRatingsAsync(string id, string user);
}
