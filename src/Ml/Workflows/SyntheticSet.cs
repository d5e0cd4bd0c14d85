using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>A sampled synthetic dataset with its full fidelity report (scorecard included).</summary>
public sealed record SyntheticSet(SyntheticResult Result, FidelityReport Fidelity);
