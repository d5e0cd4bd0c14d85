using System.Diagnostics;

namespace GanRsSandbox.Ml.Clustering;

/// <summary>
/// Lloyd's k-means with greedy k-means++ seeding, Hamerly's bounds (a point whose distance bounds prove its
/// centre unchanged costs O(1)) and a k-d tree over the centres for the points that must be re-assigned.
/// Work is split into a fixed number of partitions whose partial sums are combined in a fixed order, so the
/// result is the same for any thread count.
/// </summary>
public static class KMeans
{
    private const int Partitions = 16;

    public static KMeansResult Fit(float[] points, int dimensions, int k, KMeansOptions? options = null,
        IProgress<KMeansProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new KMeansOptions();
        var n = points.Length / dimensions;
        if (dimensions < 1 || points.Length != n * dimensions)
        {
            throw new ArgumentException("points must hold n × dimensions values");
        }
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of points ({n})");
        }
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = cancellationToken };
        progress?.Report(new KMeansProgress("seeding", 0, options.MaxIterations, 0));
        var centers = Seed(points, dimensions, k, options, parallel);
        Trace($"seeded k={k} at {clock.Elapsed.TotalSeconds:F2}s");

        var labels = new int[n];
        var upper = new float[n];
        var lower = new float[n];
        var tree = new KdTree(centers, dimensions);
        var neighbourhood = new Neighbourhood(k);
        neighbourhood.Build(tree, centers, dimensions, parallel);
        Parallel.For(0, Partitions, parallel, part =>
        {
            var (start, end) = Range(n, part);
            for (var i = start; i < end; i++)
            {
                // The nearest centre only; a lower bound of 0 sends the point through the (cheap) neighbourhood
                // search of the first iteration, which finds its runner-up.
                var (nearest, d1) = tree.Nearest(points.AsSpan(i * dimensions, dimensions));
                labels[i] = nearest;
                upper[i] = MathF.Sqrt(d1);
                lower[i] = 0;
            }
        });

        Trace($"assigned at {clock.Elapsed.TotalSeconds:F2}s");
        var tolerance = options.Tolerance * MeanVariance(points, dimensions);
        var iterations = 0;
        var converged = false;
        var sums = new double[Partitions][];
        var counts = new int[Partitions][];
        var moved = new long[Partitions];
        var searches = new long[Partitions];
        var delta = new float[k];
        var neighbourShift = new float[k];
        while (iterations < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            var previous = (float[])centers.Clone();
            var phase = Stopwatch.StartNew();
            UpdateCenters(points, dimensions, k, labels, upper, centers, sums, counts, parallel);
            var updateSeconds = phase.Elapsed.TotalSeconds;

            double shift = 0;
            float maxDelta = 0, secondDelta = 0;
            var maxCenter = -1;
            for (var c = 0; c < k; c++)
            {
                var d2 = KdTree.SquaredDistance(previous.AsSpan(c * dimensions, dimensions), centers.AsSpan(c * dimensions, dimensions));
                shift += d2;
                delta[c] = MathF.Sqrt(d2);
                if (delta[c] > maxDelta)
                {
                    secondDelta = maxDelta;
                    maxDelta = delta[c];
                    maxCenter = c;
                }
                else if (delta[c] > secondDelta)
                {
                    secondDelta = delta[c];
                }
            }

            // Hamerly's lower bound falls by the largest shift of any centre, which with thousands of centres is
            // large every iteration and sends nearly every point back to a search. A point's runner-up is either
            // one of its centre a's neighbours or beyond a's neighbourhood radius, so (with the neighbourhood of
            // the previous positions) lower' = min(lower − max shift in N(a), max(lower, radius(a) − upper) − max shift).
            var previousNeighbourhood = neighbourhood;
            for (var c = 0; c < k; c++)
            {
                neighbourShift[c] = previousNeighbourhood.MaxShift(c, delta);
            }
            tree = new KdTree(centers, dimensions);
            // Rebuilt exactly every iteration: reusing the previous lists with distances loosened by the shifts
            // was tried and cost more in extra searches (66 s against 53 s at 3M × 8000) than it saved.
            neighbourhood = new Neighbourhood(k);
            neighbourhood.Build(tree, centers, dimensions, parallel);

            var neighbourSeconds = phase.Elapsed.TotalSeconds - updateSeconds;
            Array.Clear(moved);
            Array.Clear(searches);
            Parallel.For(0, Partitions, parallel, part =>
            {
                var (start, end) = Range(n, part);
                long changes = 0, searched = 0;
                for (var i = start; i < end; i++)
                {
                    var label = labels[i];
                    var farBound = Math.Max(lower[i], previousNeighbourhood.Radius[label] - upper[i]) - (label == maxCenter ? secondDelta : maxDelta);
                    lower[i] = Math.Min(lower[i] - neighbourShift[label], farBound);
                    upper[i] += delta[label];
                    var bound = Math.Max(neighbourhood.HalfGap[label], lower[i]);
                    if (upper[i] <= bound)
                    {
                        continue;
                    }
                    var point = points.AsSpan(i * dimensions, dimensions);
                    upper[i] = MathF.Sqrt(KdTree.SquaredDistance(point, centers.AsSpan(label * dimensions, dimensions)));
                    if (upper[i] <= bound)
                    {
                        continue;
                    }
                    searched++;
                    var (nearest, d1, d2) = neighbourhood.NearestTwo(point, label, upper[i], centers, dimensions, tree);
                    if (nearest != label)
                    {
                        changes++;
                        labels[i] = nearest;
                    }
                    upper[i] = MathF.Sqrt(d1);
                    lower[i] = MathF.Sqrt(d2);
                }
                moved[part] = changes;
                searches[part] = searched;
            });
            var totalMoved = moved.Sum();
            Trace($"iteration {iterations}: searched {searches.Sum()}, moved {totalMoved}, shift {shift:E2} (tol {tolerance:E2}) at {clock.Elapsed.TotalSeconds:F2}s; update {updateSeconds:F2}s, neighbours {neighbourSeconds:F2}s");
            progress?.Report(new KMeansProgress("lloyd", iterations, options.MaxIterations, totalMoved));
            if (totalMoved == 0 || shift <= tolerance)
            {
                converged = true;
                break;
            }
        }

        return new KMeansResult(labels, centers, k, dimensions, iterations, converged, Inertia(points, dimensions, labels, centers), clock.Elapsed.TotalSeconds);
    }

    /// <summary>Mean of the squared distances of points to their centres, summed: the k-means objective.</summary>
    public static double Inertia(float[] points, int dimensions, int[] labels, float[] centers)
    {
        var partial = new double[Partitions];
        var n = labels.Length;
        Parallel.For(0, Partitions, part =>
        {
            var (start, end) = Range(n, part);
            double sum = 0;
            for (var i = start; i < end; i++)
            {
                sum += KdTree.SquaredDistance(points.AsSpan(i * dimensions, dimensions), centers.AsSpan(labels[i] * dimensions, dimensions));
            }
            partial[part] = sum;
        });
        return partial.Sum();
    }

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("GANRS_TRACE_KMEANS") == "1";

    private static void Trace(string message)
    {
        if (Tracing)
        {
            Console.Error.WriteLine("kmeans: " + message);
        }
    }

    private static (int Start, int End) Range(int n, int part) => ((int)((long)n * part / Partitions), (int)((long)n * (part + 1) / Partitions));

    private static double MeanVariance(float[] points, int dimensions)
    {
        var n = points.Length / dimensions;
        double total = 0;
        for (var d = 0; d < dimensions; d++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < n; i++)
            {
                double v = points[i * dimensions + d];
                sum += v;
                squares += v * v;
            }
            var mean = sum / n;
            total += squares / n - mean * mean;
        }
        return total / dimensions;
    }

    private static void UpdateCenters(float[] points, int dimensions, int k, int[] labels, float[] upper, float[] centers,
        double[][] sums, int[][] counts, ParallelOptions parallel)
    {
        var n = labels.Length;
        Parallel.For(0, Partitions, parallel, part =>
        {
            var sum = sums[part] ??= new double[k * dimensions];
            var count = counts[part] ??= new int[k];
            Array.Clear(sum);
            Array.Clear(count);
            var (start, end) = Range(n, part);
            for (var i = start; i < end; i++)
            {
                var label = labels[i];
                count[label]++;
                for (var d = 0; d < dimensions; d++)
                {
                    sum[label * dimensions + d] += points[i * dimensions + d];
                }
            }
        });
        var empty = new List<int>();
        for (var c = 0; c < k; c++)
        {
            long total = 0;
            for (var part = 0; part < Partitions; part++)
            {
                total += counts[part][c];
            }
            if (total == 0)
            {
                empty.Add(c);
                continue;
            }
            for (var d = 0; d < dimensions; d++)
            {
                double s = 0;
                for (var part = 0; part < Partitions; part++)
                {
                    s += sums[part][c * dimensions + d];
                }
                centers[c * dimensions + d] = (float)(s / total);
            }
        }
        if (empty.Count == 0)
        {
            return;
        }
        Trace($"{empty.Count} empty clusters");
        // An empty cluster moves onto the point farthest from its centre (as scikit-learn does), so that every
        // requested cluster ends up with members. The bounds stay valid: the jump is part of the centre's shift.
        var farthest = Farthest(upper, empty.Count);
        for (var e = 0; e < empty.Count; e++)
        {
            Array.Copy(points, farthest[e] * dimensions, centers, empty[e] * dimensions, dimensions);
        }
    }

    /// <summary>The <paramref name="count"/> points with the largest distance bound, largest first (ties: lower index), in one pass.</summary>
    private static int[] Farthest(float[] upper, int count)
    {
        // A min-heap of the best so far: its root is the weakest kept point, the one a new candidate must beat.
        var weakestFirst = Comparer<(float Distance, int Index)>.Create((a, b) =>
            a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : b.Index.CompareTo(a.Index));
        var kept = new PriorityQueue<int, (float, int)>(count + 1, weakestFirst);
        for (var i = 0; i < upper.Length; i++)
        {
            kept.Enqueue(i, (upper[i], i));
            if (kept.Count > count)
            {
                kept.Dequeue();
            }
        }
        var result = new int[kept.Count];
        for (var r = result.Length - 1; r >= 0; r--)
        {
            result[r] = kept.Dequeue();
        }
        return result;
    }

    /// <summary>
    /// k-means++ seeding on a random sample for large inputs. Greedy (2 + ln k candidates per step, the best kept,
    /// as scikit-learn does) while that stays within a fixed work budget; plain k-means++ beyond it, because
    /// every candidate costs a pass over the sample and k × sample × candidates grows with k².
    /// </summary>
    private static float[] Seed(float[] points, int dimensions, int k, KMeansOptions options, ParallelOptions parallel)
    {
        const double WorkBudget = 1e9;
        var n = points.Length / dimensions;
        var random = new Random(options.Seed);
        var perCluster = Math.Clamp(WorkBudget / ((double)k * k), 16, options.InitSamplePerCluster);
        var m = (int)Math.Min(n, Math.Max(k * perCluster, 10_000));
        var sample = m == n ? points : RandomRows(points, dimensions, m, random);
        var centers = new float[k * dimensions];
        var closest = new float[m];
        var candidateClosest = new float[m];
        var closestPartial = new double[Partitions];
        var candidatePartial = new double[Partitions];
        var trials = (int)Math.Clamp(WorkBudget / ((double)k * m), 1, 2 + (int)Math.Log(k));

        var first = random.Next(m);
        Array.Copy(sample, first * dimensions, centers, 0, dimensions);
        Relax(sample, dimensions, centers.AsSpan(0, dimensions).ToArray(), closest, closest, closestPartial, parallel, initialize: true);
        for (var c = 1; c < k; c++)
        {
            var bestPotential = double.PositiveInfinity;
            var bestCandidate = -1;
            for (var t = 0; t < trials; t++)
            {
                var candidate = SampleByWeight(closest, closestPartial, m, random);
                if (trials == 1)
                {
                    bestCandidate = candidate;
                    break;
                }
                var candidatePotential = Relax(sample, dimensions, sample.AsSpan(candidate * dimensions, dimensions).ToArray(),
                    closest, candidateClosest, candidatePartial, parallel, initialize: false);
                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                }
            }
            Array.Copy(sample, bestCandidate * dimensions, centers, c * dimensions, dimensions);
            Relax(sample, dimensions, centers.AsSpan(c * dimensions, dimensions).ToArray(), closest, closest, closestPartial, parallel, initialize: false);
        }
        return centers;
    }

    private static float[] RandomRows(float[] points, int dimensions, int count, Random random)
    {
        var n = points.Length / dimensions;
        var chosen = Enumerable.Range(0, n).ToArray();
        var rows = new float[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (chosen[i], chosen[j]) = (chosen[j], chosen[i]);
            Array.Copy(points, chosen[i] * dimensions, rows, i * dimensions, dimensions);
        }
        return rows;
    }

    /// <summary>target[i] = min(closest[i], |x_i - center|²); returns the sum of target, with per-partition sums in <paramref name="partial"/>.</summary>
    private static double Relax(float[] sample, int dimensions, float[] center, float[] closest, float[] target, double[] partial,
        ParallelOptions parallel, bool initialize)
    {
        var m = closest.Length;
        Parallel.For(0, Partitions, parallel, part =>
        {
            var (start, end) = Range(m, part);
            double sum = 0;
            for (var i = start; i < end; i++)
            {
                var d = KdTree.SquaredDistance(sample.AsSpan(i * dimensions, dimensions), center);
                var value = initialize ? d : Math.Min(closest[i], d);
                target[i] = value;
                sum += value;
            }
            partial[part] = sum;
        });
        return partial.Sum();
    }

    /// <summary>Draws an index with probability proportional to its weight: a partition by its sum, then a scan within it.</summary>
    private static int SampleByWeight(float[] weights, double[] partial, int m, Random random)
    {
        var total = partial.Sum();
        if (!(total > 0))
        {
            return random.Next(m);
        }
        var r = random.NextDouble() * total;
        var part = 0;
        while (part < Partitions - 1 && r >= partial[part])
        {
            r -= partial[part];
            part++;
        }
        var (start, end) = Range(m, part);
        var lastPositive = -1;
        for (var i = start; i < end; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }
            lastPositive = i;
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }
        // Rounding can leave a sliver of r past the partition's last weight; that weight is then the draw.
        return lastPositive >= 0 ? lastPositive : random.Next(m);
    }
}
