using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public interface IModelService
{
    Task<JobInfo> TrainAsync(ModelRequest request);

    Task<IReadOnlyList<ModelInfo>> ListAsync();

    Task<ModelInfo> GetAsync(string id);

    Task DeleteAsync(string id);

    Task<IReadOnlyList<Recommendation>> RecommendAsync(string id, string user, int count);
}
