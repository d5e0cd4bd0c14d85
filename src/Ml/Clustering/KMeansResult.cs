namespace GanRsSandbox.Ml.Clustering;

/// <param name="Labels">The cluster of each point.</param>
/// <param name="Centers">k × dimensions, row-major.</param>
public sealed record KMeansResult(int[] Labels, float[] Centers, int K, int Dimensions, int Iterations, bool Converged, double Inertia, double Seconds);
