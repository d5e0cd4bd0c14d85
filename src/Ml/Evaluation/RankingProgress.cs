using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Ml.Evaluation;

public sealed record RankingProgress(string Dataset, int Seed, BaselineKind Model, int Done, int Total, TrainingProgress Training);
