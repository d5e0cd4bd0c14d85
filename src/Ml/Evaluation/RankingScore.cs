using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Ml.Evaluation;

public sealed record RankingScore(EvaluationProtocol Protocol, int Threshold, double F1);
