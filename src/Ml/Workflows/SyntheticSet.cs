using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>A sampled synthetic dataset with its full fidelity report (scorecard included).</summary>
public sealed record SyntheticSet(SyntheticResult Result, FidelityReport Fidelity)
{
    /// <summary>The synthetic set's own figures, computed once for the report; callers store or print them without a second pass.</summary>
    public required DatasetStats Stats { get; init; }
}
