using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Cli;

public sealed record EvaluateJson(DatasetStats Dataset, EvaluationProtocol Protocol, int Seed, IReadOnlyList<ModelJson> Models);
