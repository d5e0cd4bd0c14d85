using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>How the ranking verdict trains and scores the models on each side.</summary>
public sealed record RankingOptions
{
    public const int MaxSeeds = 10;

    /// <summary>The split seeds; the verdict averages over them and measures the source's self-agreement between them.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];

    public int N { get; init; } = 10;

    public double TestRatio { get; init; } = 0.2;

    public IReadOnlyList<BaselineKind> Models { get; init; } = BaselineKinds.All;

    /// <summary>The protocols the verdict chooses from: the one (with its threshold) that spreads the models most on the source.</summary>
    public IReadOnlyList<EvaluationProtocol> Protocols { get; init; } = [EvaluationProtocol.TestItems, EvaluationProtocol.Thresholded];

    /// <summary>Epochs, batch, learning rate and factors of every training; its seed is replaced by each split seed.</summary>
    public BaselineOptions Training { get; init; } = new();

    public void Validate()
    {
        if (Seeds.Count is < 2 or > MaxSeeds || Seeds.Distinct().Count() != Seeds.Count)
        {
            throw new ArgumentOutOfRangeException("ranking-seeds", Seeds.Count, $"the ranking needs 2 to {MaxSeeds} different split seeds (self-agreement compares two splits)");
        }
        if (Models.Count < 3)
        {
            throw new ArgumentOutOfRangeException("models", Models.Count, "a ranking needs at least 3 models");
        }
        if (N < 1 || Protocols.Count == 0)
        {
            throw new ArgumentOutOfRangeException("n", N, "N must be positive and at least one protocol given");
        }
        Training.Validate();
    }
}
