using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>Train several baselines on one given split and score each under the given protocols, Ns and thresholds.</summary>
public sealed record BaselineEvaluationRequest(RatingsDataset Data, DatasetSplit Split, IReadOnlyList<BaselineKind> Kinds, EvaluationSettings Settings)
{
    public BaselineOptions Training { get; init; } = new();

    /// <summary>libtorch's intra-op threads; null chooses by batch size (<c>TorchRuntime.ThreadsForBatch</c>).</summary>
    public int? Threads { get; init; }
}
