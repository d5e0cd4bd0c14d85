using GanRsSandbox.Ml.Clustering;

namespace GanRsSandbox.Ml.Gan;

/// <summary>Fitted clusters (the synthetic users or items) and the rule that assigns a new sample to one.</summary>
internal sealed class ClusterAssignment
{
    private const int RebalanceRounds = 60;
    private const int RebalanceSample = 200_000;
    private const double RebalanceStep = 0.5;

    /// <summary>
    /// Sample counts are skewed beyond the source's degrees because de-duplication compresses them: a popular
    /// user's extra samples increasingly hit pairs it already has. Chosen on ml-100k (bench/README.md).
    /// </summary>
    private const double SampleSkew = 2.5;

    private readonly KdTree _tree;
    private readonly float[]? _weights;
    private readonly float[]? _subtreeMaxWeights;
    private readonly int _dimensions;

    private ClusterAssignment(float[] centers, int dimensions, int[] labels, int iterations, float[]? weights)
    {
        Centers = centers;
        _dimensions = dimensions;
        Labels = labels;
        Iterations = iterations;
        _tree = new KdTree(centers, dimensions);
        _weights = weights;
        _subtreeMaxWeights = weights is null ? null : _tree.SubtreeMaxWeights(weights);
    }

    public float[] Centers { get; }

    /// <summary>The cluster of each sample k-means was fitted on.</summary>
    public int[] Labels { get; }

    public int Iterations { get; }

    public static ClusterAssignment Nearest(KMeansResult result) =>
        new(result.Centers, result.Dimensions, result.Labels, result.Iterations, null);

    /// <summary>
    /// Keeps the k-means centres but lets cluster sizes follow the source's degree distribution: each centre gets
    /// a weight, a sample joins the centre minimising |x − c|² − w_c, and weights are adjusted until the sizes
    /// approach their targets. Targets are the source degrees' quantiles, matched to clusters by their k-means
    /// size rank, so a dense region of the latent space becomes a popular user or item, as in the source.
    /// </summary>
    public static ClusterAssignment Popular(float[] points, KMeansResult result, int[] sourceDegrees)
    {
        var k = result.K;
        var n = result.Labels.Length;
        var dimensions = result.Dimensions;
        var targets = TargetSizes(sourceDegrees, k, result.Labels);
        var weights = new float[k];
        var typicalSquaredDistance = (float)(result.Inertia / n);
        var tree = new KdTree(result.Centers, dimensions);
        // The weights are fitted on an evenly spaced subsample (sizes scale with it), then applied to every point once.
        var stride = Math.Max(1, n / RebalanceSample);
        var sample = Enumerable.Range(0, n / stride).Select(i => i * stride).ToArray();
        var sampleLabels = sample.Select(i => result.Labels[i]).ToArray();
        for (var round = 0; round < RebalanceRounds; round++)
        {
            var sizes = new int[k];
            foreach (var label in sampleLabels)
            {
                sizes[label]++;
            }
            for (var c = 0; c < k; c++)
            {
                var target = targets[c] * sample.Length;
                weights[c] += (float)(RebalanceStep * typicalSquaredDistance * Math.Log(target / Math.Max(sizes[c], 0.5)));
            }
            var roundMaxima = tree.SubtreeMaxWeights(weights);
            Parallel.For(0, sample.Length, j =>
                sampleLabels[j] = tree.NearestWeighted(points.AsSpan(sample[j] * dimensions, dimensions), weights, roundMaxima));
        }
        var maxima = tree.SubtreeMaxWeights(weights);
        var labels = new int[n];
        Parallel.For(0, n, i => labels[i] = tree.NearestWeighted(points.AsSpan(i * dimensions, dimensions), weights, maxima));
        return new ClusterAssignment(result.Centers, result.Dimensions, labels, result.Iterations, weights);
    }

    /// <summary>Each cluster's target share of the samples.</summary>
    private static double[] TargetSizes(int[] sourceDegrees, int k, int[] labels)
    {
        var degrees = sourceDegrees.Where(d => d > 0).OrderDescending().ToArray();
        var quantiles = new double[k];
        for (var r = 0; r < k; r++)
        {
            quantiles[r] = Math.Pow(degrees[(int)Math.Min(degrees.Length - 1, Math.Floor((r + 0.5) / k * degrees.Length))], SampleSkew);
        }
        var scale = 1 / quantiles.Sum();
        var sizes = new int[k];
        foreach (var label in labels)
        {
            sizes[label]++;
        }
        var byCurrentSize = Enumerable.Range(0, k).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var targets = new double[k];
        for (var r = 0; r < k; r++)
        {
            targets[byCurrentSize[r]] = Math.Max(1.0 / labels.Length, quantiles[r] * scale);
        }
        return targets;
    }

    public int[] Assign(float[] points)
    {
        var count = points.Length / _dimensions;
        var labels = new int[count];
        Parallel.For(0, count, i =>
        {
            var point = points.AsSpan(i * _dimensions, _dimensions);
            labels[i] = _weights is null ? _tree.NearestTwo(point).Nearest : _tree.NearestWeighted(point, _weights, _subtreeMaxWeights!);
        });
        return labels;
    }
}
