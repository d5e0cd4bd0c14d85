using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public interface IModelService
{
    Task<JobInfo> TrainAsync(ModelRequest request);

    Task<IReadOnlyList<ModelInfo>> ListAsync();

    Task<ModelInfo> GetAsync(string id);

    Task DeleteAsync(string id);

    /// <summary>The model's test-set predictions and top-N lists, a zip of two CSVs.</summary>
    Task<byte[]> PredictionsAsync(string id);

    Task<IReadOnlyList<Recommendation>> RecommendAsync(string id, string user, int count);
}
