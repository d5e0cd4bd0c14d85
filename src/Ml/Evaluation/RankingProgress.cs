using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

public sealed record RankingProgress(string Dataset, int Seed, BaselineKind Model, int Done, int Total, TrainingProgress Training);
