using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

[Alias("ganrs.IModelGrain")]
public interface IModelGrain : IJobOwnerGrain
{
    [Alias("Train")] Task<JobInfo> TrainAsync(ModelRequest request);

    [AlwaysInterleave, Alias("Get")] Task<ModelInfo?> GetAsync();

    /// <summary>The top-N items the user has not rated, best first. The model stays in memory between calls.</summary>
    [AlwaysInterleave, Alias("Recommend")] Task<IReadOnlyList<Recommendation>> RecommendAsync(string user, int count);

    /// <summary>Removes the model and its artifact; a model still training is cancelled first.</summary>
    /// <summary>The test-set predictions and top-N lists (a zip of MODEL.predictions.csv and MODEL.top-n.csv), to recompute the metrics elsewhere.</summary>
    [Alias("Predictions")] Task<byte[]> PredictionsAsync();

    [Alias("Delete")] Task DeleteAsync();
}
