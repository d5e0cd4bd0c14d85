namespace GanRsSandbox.Ml.Models;

/// <summary>Predictions for a batch of (user,item) pairs. <see cref="Score"/> ranks items; the others are null where the model has none.</summary>
public sealed record Predictions(float[] Score, float[]? Rating, float[]? Reliability);
