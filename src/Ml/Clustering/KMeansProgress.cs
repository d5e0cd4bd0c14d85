namespace GanRsSandbox.Ml.Clustering;

public sealed record KMeansProgress(string Stage, int Iteration, int MaxIterations, long Moved);
