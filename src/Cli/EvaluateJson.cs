using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Cli;

public sealed record EvaluateJson(StatsJson Dataset, EvaluationProtocol Protocol, int Seed, IReadOnlyList<ModelJson> Models);
