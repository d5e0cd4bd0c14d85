using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>Train one baseline on a seeded split of a dataset and score it on the rest.</summary>
public sealed record BaselineTrainingRequest(RatingsDataset Data, BaselineKind Kind)
{
    public const double DefaultTestRatio = 0.2;

    public BaselineOptions Training { get; init; } = new();

    /// <summary>Share of the ratings held out for the curves and the RMSE.</summary>
    public double TestRatio { get; init; } = DefaultTestRatio;

    /// <summary>The split's seed; null takes the training seed.</summary>
    public int? SplitSeed { get; init; }

    public IReadOnlyList<EvaluationProtocol> Protocols { get; init; } = EvaluationProtocols.Scored;

    /// <summary>User segmentations to break the curves down by (<see cref="Evaluation.ModelEvaluation.Segments"/>); none by default.</summary>
    public IReadOnlyList<SideInfo.UserGrouping> Segments { get; init; } = [];

    /// <summary>The cores the training may use (<c>ThreadBudget</c>); null, as many as its batch size can keep busy.</summary>
    public int? Threads { get; init; }

    public void Validate()
    {
        Training.Validate();
        if (!(TestRatio > 0 && TestRatio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TestRatio), TestRatio, "must lie strictly between 0 and 1");
        }
    }
}
