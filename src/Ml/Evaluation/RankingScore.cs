namespace GanRsSandbox.Ml.Evaluation;

public sealed record RankingScore(EvaluationProtocol Protocol, double Threshold, double F1);
