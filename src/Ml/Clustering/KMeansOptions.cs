namespace GanRsSandbox.Ml.Clustering;

public sealed record KMeansOptions
{
    /// <summary>At most this many Lloyd iterations (scikit-learn's and the authors' 100).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when the summed squared centre shift falls below this times the data's mean variance (scikit-learn's rule); 0 runs until no point moves.</summary>
    public double Tolerance { get; init; } = 1e-4;

    public int Seed { get; init; } = 1;

    /// <summary>k-means++ seeds on at most this many points per cluster (at least 16, fewer for large k), drawn at random.</summary>
    public int InitSamplePerCluster { get; init; } = 64;

    /// <summary>Worker threads; the result does not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
