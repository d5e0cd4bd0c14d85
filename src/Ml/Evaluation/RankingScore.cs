namespace GanRsSandbox.Ml.Evaluation;

public sealed record RankingScore(EvaluationProtocol Protocol, int Threshold, double F1);
