using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>Train several baselines on one given split and score each under the given protocols, Ns and thresholds.</summary>
public sealed record BaselineEvaluationRequest(RatingsDataset Data, DatasetSplit Split, IReadOnlyList<BaselineKind> Kinds, EvaluationSettings Settings)
{
    public BaselineOptions Training { get; init; } = new();

    /// <summary>The cores the evaluation may use (<c>ThreadBudget</c>); null, every core.</summary>
    public int? Threads { get; init; }
}
