namespace GanRsSandbox.Ml.Evaluation;

/// <summary>One point of a precision/recall/F1 curve: the one shape of it from the engine to the page.</summary>
public sealed record CurvePoint(EvaluationProtocol Protocol, double Threshold, int N, double Precision, double Recall, double F1);
