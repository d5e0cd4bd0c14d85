using GanRsSandbox.Ml.Clustering;

namespace GanRsSandbox.Ml.Tests;

public sealed class KMeansTests
{
    /// <summary>Points scattered tightly around <paramref name="centres"/> planted far apart.</summary>
    private static (float[] Points, int[] Truth) Planted(int centres, int perCentre, int dimensions, int seed)
    {
        var random = new Random(seed);
        var truthCentres = new float[centres * dimensions];
        for (var i = 0; i < truthCentres.Length; i++)
        {
            truthCentres[i] = random.Next(-1000, 1000) * 10f;
        }
        var points = new float[centres * perCentre * dimensions];
        var truth = new int[centres * perCentre];
        for (var p = 0; p < truth.Length; p++)
        {
            var c = p % centres;
            truth[p] = c;
            for (var d = 0; d < dimensions; d++)
            {
                points[p * dimensions + d] = truthCentres[c * dimensions + d] + (float)(random.NextDouble() - 0.5);
            }
        }
        return (points, truth);
    }

    [Fact]
    public void RecoversPlantedClustersExactly()
    {
        var (points, truth) = Planted(centres: 40, perCentre: 50, dimensions: 5, seed: 3);
        var result = KMeans.Fit(points, 5, 40, new KMeansOptions { Seed = 1 });
        // Same partition up to renaming: every planted cluster maps to exactly one found cluster and back.
        var mapping = new Dictionary<int, int>();
        for (var i = 0; i < truth.Length; i++)
        {
            if (mapping.TryGetValue(truth[i], out var label))
            {
                Assert.Equal(label, result.Labels[i]);
            }
            else
            {
                mapping[truth[i]] = result.Labels[i];
            }
        }
        Assert.Equal(40, mapping.Values.Distinct().Count());
        Assert.True(result.Converged);
        // Each point lies within 0.5 per coordinate of its centre: inertia at most n * 5 * 0.25 / 3 on average.
        Assert.True(result.Inertia < truth.Length * 5 * 0.25);
    }

    [Fact]
    public void MatchesBruteForceLloydOnUnstructuredData()
    {
        // Bounds and neighbourhoods only skip work; labels must equal plain Lloyd's from the same start.
        var random = new Random(9);
        var points = Enumerable.Range(0, 3000 * 3).Select(_ => (float)random.NextDouble()).ToArray();
        var fast = KMeans.Fit(points, 3, 60, new KMeansOptions { Seed = 4, MaxIterations = 15, Tolerance = 0 });
        var (labels, _) = BruteForceLloyd(points, 3, KMeans.Fit(points, 3, 60, new KMeansOptions { Seed = 4, MaxIterations = 0 }).Centers, fast.Iterations);
        Assert.Equal(labels, fast.Labels);
    }

    [Fact]
    public void SameSeedSameResultWhateverTheThreadCount()
    {
        var (points, _) = Planted(centres: 30, perCentre: 40, dimensions: 5, seed: 8);
        var one = KMeans.Fit(points, 5, 25, new KMeansOptions { Seed = 2, Threads = 1 });
        var two = KMeans.Fit(points, 5, 25, new KMeansOptions { Seed = 2, Threads = 2 });
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.Centers, two.Centers);
    }

    [Fact]
    public void EveryClusterGetsAMember()
    {
        // Many identical points make empty clusters likely; they are moved onto far points.
        var points = Enumerable.Repeat(0f, 500).Concat(Enumerable.Range(0, 100).Select(i => (float)i)).ToArray();
        var result = KMeans.Fit(points, 1, 50, new KMeansOptions { Seed = 1 });
        Assert.Equal(50, result.Labels.Distinct().Count());
    }

    [Fact]
    public void RejectsMoreClustersThanPoints() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit([1f, 2f], 1, 3));

    [Fact]
    public void KdTreeAgreesWithAScan()
    {
        var random = new Random(5);
        var centres = Enumerable.Range(0, 500 * 5).Select(_ => (float)random.NextDouble()).ToArray();
        var tree = new KdTree(centres, 5);
        for (var q = 0; q < 200; q++)
        {
            var query = Enumerable.Range(0, 5).Select(_ => (float)random.NextDouble()).ToArray();
            var distances = Enumerable.Range(0, 500).Select(c => KdTree.SquaredDistance(query, centres.AsSpan(c * 5, 5))).ToArray();
            var order = Enumerable.Range(0, 500).OrderBy(c => distances[c]).ToArray();
            var (nearest, d1, d2) = tree.NearestTwo(query);
            Assert.Equal(order[0], nearest);
            Assert.Equal(distances[order[1]], d2);
            Assert.Equal(d1, tree.Nearest(query).DistanceSq);
            var indices = new int[7];
            var found = new float[7];
            tree.NearestK(query, indices, found);
            Assert.Equal(order.Take(7), indices);
            // With weights, the power-diagram winner is the scan's argmin of d² − w.
            var weights = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble() * 0.05f).ToArray();
            var expected = Enumerable.Range(0, 500).MinBy(c => distances[c] - weights[c]);
            Assert.Equal(expected, tree.NearestWeighted(query, weights, tree.SubtreeMaxWeights(weights)));
        }
    }

    private static (int[] Labels, float[] Centers) BruteForceLloyd(float[] points, int dimensions, float[] start, int iterations)
    {
        var n = points.Length / dimensions;
        var k = start.Length / dimensions;
        var centers = (float[])start.Clone();
        var labels = new int[n];
        void Assign()
        {
            for (var i = 0; i < n; i++)
            {
                labels[i] = Enumerable.Range(0, k).MinBy(c => KdTree.SquaredDistance(points.AsSpan(i * dimensions, dimensions), centers.AsSpan(c * dimensions, dimensions)));
            }
        }
        Assign();
        for (var it = 0; it < iterations; it++)
        {
            var sums = new double[k * dimensions];
            var counts = new int[k];
            for (var i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (var d = 0; d < dimensions; d++)
                {
                    sums[labels[i] * dimensions + d] += points[i * dimensions + d];
                }
            }
            for (var c = 0; c < k; c++)
            {
                for (var d = 0; d < dimensions && counts[c] > 0; d++)
                {
                    centers[c * dimensions + d] = (float)(sums[c * dimensions + d] / counts[c]);
                }
            }
            Assign();
        }
        return (labels, centers);
    }
}
