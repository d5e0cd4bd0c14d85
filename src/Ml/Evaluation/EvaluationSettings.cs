using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Evaluation;

public sealed record EvaluationSettings(IReadOnlyList<int> Ns, IReadOnlyList<double> Thresholds, IReadOnlyList<EvaluationProtocol> Protocols)
{
    /// <summary>Segmentations of the users (groups by an attribute, <see cref="ActivityBuckets"/>) to break every curve down by: fairness by group.</summary>
    public IReadOnlyList<UserGrouping> Segments { get; init; } = [];

    public static readonly int[] PaperNs = [2, 4, 6, 8, 10];

    /// <summary>The paper's grid (N = 2..10, the two highest ratings of the scale) under the default protocol.</summary>
    public static EvaluationSettings PaperDefaults(RatingScale scale) => new(PaperNs, scale.DefaultThresholds, [EvaluationProtocol.TestItems]);
}
