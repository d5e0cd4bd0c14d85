using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Figures;

/// <summary>One line of a figure: a model's curve points under one protocol and threshold.</summary>
public sealed record CurveSeries(string Name, IReadOnlyList<CurvePoint> Points);
