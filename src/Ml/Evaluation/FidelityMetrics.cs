using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Evaluation;

public static class FidelityMetrics
{
    public static FidelityReport Compare(DatasetStats source, DatasetStats synthetic, double sourceHeadShare, double syntheticHeadShare, DcrReport? dcr) => new(
        Tvd(Shares(source), Shares(synthetic)),
        synthetic.Mean - source.Mean,
        new(source.Density, synthetic.Density),
        new(source.GiniUsers, synthetic.GiniUsers),
        new(source.GiniItems, synthetic.GiniItems),
        new(sourceHeadShare, syntheticHeadShare),
        dcr);

    public static FidelityReport Compare(RatingsDataset source, RatingsDataset synthetic, DcrReport? dcr) =>
        Compare(DatasetStats.Compute(source), DatasetStats.Compute(synthetic), HeadShare(source), HeadShare(synthetic), dcr)
            .WithDegreeShapes(DatasetStats.Degrees(source.Users, source.UserCount), DatasetStats.Degrees(source.Items, source.ItemCount), synthetic)
            .WithPopularityRating(DegreeRatingSpearman(source.Items, source.ItemCount, source.Ratings), DegreeRatingSpearman(source.Users, source.UserCount, source.Ratings), synthetic);

    /// <summary>
    /// Spearman's ρ between a member's number of ratings and its mean rating, over the members with a rating
    /// (<paramref name="members"/>: a dataset's users or items per rating). On MovieLens popular items are rated higher
    /// (ρ ≈ 0.5 on ml-100k); the matched variant keeps the link through its members' offsets (bench/README.md).
    /// </summary>
    public static double DegreeRatingSpearman(int[] members, int count, float[] ratings)
    {
        var degrees = new double[count];
        var sums = new double[count];
        for (var r = 0; r < members.Length; r++)
        {
            degrees[members[r]]++;
            sums[members[r]] += ratings[r];
        }
        var rated = Enumerable.Range(0, count).Where(m => degrees[m] > 0).ToArray();
        return RankCorrelation.Spearman(Array.ConvertAll(rated, m => degrees[m]), Array.ConvertAll(rated, m => sums[m] / degrees[m]));
    }

    /// <summary>
    /// The report with the popularity–rating links of both sides: the source's as measured (null for a generator saved
    /// before they were stored, which leaves the figures out), the synthetic set's from its ratings.
    /// </summary>
    public static FidelityReport WithPopularityRating(this FidelityReport report, double? sourceItems, double? sourceUsers, RatingsDataset synthetic) => report with
    {
        ItemPopularityRating = sourceItems is { } items ? new(items, DegreeRatingSpearman(synthetic.Items, synthetic.ItemCount, synthetic.Ratings)) : null,
        UserActivityRating = sourceUsers is { } users ? new(users, DegreeRatingSpearman(synthetic.Users, synthetic.UserCount, synthetic.Ratings)) : null,
    };

    /// <summary>The report with the long-tail shape distances filled in.</summary>
    public static FidelityReport WithDegreeShapes(this FidelityReport report, int[] sourceUserDegrees, int[] sourceItemDegrees, RatingsDataset synthetic) => report with
    {
        UserDegreeKs = LogDegreeKs(sourceUserDegrees, DatasetStats.Degrees(synthetic.Users, synthetic.UserCount)),
        ItemDegreeKs = LogDegreeKs(sourceItemDegrees, DatasetStats.Degrees(synthetic.Items, synthetic.ItemCount)),
    };

    /// <summary>
    /// The KS distance between two degree distributions after dividing each by its mean degree and taking logs, so
    /// that sets of different density compare by the shape of their tails only. Zero degrees are left out.
    /// </summary>
    public static double LogDegreeKs(int[] a, int[] b)
    {
        static double[] Normalised(int[] degrees)
        {
            var positive = degrees.Where(d => d > 0).Select(d => (double)d).ToArray();
            var mean = positive.Length == 0 ? 1 : positive.Average();
            return positive.Select(d => Math.Log(d / mean)).Order().ToArray();
        }
        var (x, y) = (Normalised(a), Normalised(b));
        if (x.Length == 0 || y.Length == 0)
        {
            return 1;
        }
        int i = 0, j = 0;
        double distance = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }
            while (j < y.Length && y[j] <= v)
            {
                j++;
            }
            distance = Math.Max(distance, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return distance;
    }

    /// <summary>Total variation distance between two discrete distributions: half the L1 distance.</summary>
    public static double Tvd(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        if (p.Count != q.Count)
        {
            throw new ArgumentException("distributions must have the same support");
        }
        double sum = 0;
        for (var i = 0; i < p.Count; i++)
        {
            sum += Math.Abs(p[i] - q[i]);
        }
        return sum / 2;
    }

    public static double[] Shares(DatasetStats stats) =>
        stats.Histogram.OrderBy(h => h.Key).Select(h => stats.Ratings == 0 ? 0 : (double)h.Value / stats.Ratings).ToArray();

    /// <summary>The share of all ratings that the most-rated 10% of items (rounded up) receive.</summary>
    public static double HeadShare(RatingsDataset data) => HeadShare(DatasetStats.Degrees(data.Items, data.ItemCount));

    public static double HeadShare(int[] itemDegrees)
    {
        var rated = itemDegrees.Where(d => d > 0).OrderDescending().ToArray();
        if (rated.Length == 0)
        {
            return 0;
        }
        var head = (int)Math.Ceiling(rated.Length * 0.1);
        return (double)rated.Take(head).Sum() / rated.Sum();
    }

    /// <summary>Distances from each synthetic point to its nearest real point (row-major, same width).</summary>
    public static DcrReport Dcr(string space, float[] real, float[] synthetic, int dimensions)
    {
        var tree = new Clustering.KdTree(real, dimensions);
        var realCount = real.Length / dimensions;
        var realGaps = new double[realCount];
        for (var i = 0; i < realCount; i++)
        {
            // The nearest real point to a real point is itself; the second is its neighbour.
            realGaps[i] = Math.Sqrt(tree.NearestTwo(real.AsSpan(i * dimensions, dimensions)).Distance2Sq);
        }
        var threshold = 0.1 * Percentile(realGaps, 0.5);
        var syntheticCount = synthetic.Length / dimensions;
        var distances = new double[syntheticCount];
        for (var i = 0; i < syntheticCount; i++)
        {
            distances[i] = Math.Sqrt(tree.NearestTwo(synthetic.AsSpan(i * dimensions, dimensions)).Distance1Sq);
        }
        return new DcrReport(space, Percentile(distances, 0.05), Percentile(distances, 0.5), distances.Count(d => d < threshold), threshold, syntheticCount);
    }

    /// <summary>
    /// A per-user profile that means the same in any dataset, for DCR when two files share no embedding space:
    /// the user's degree relative to the dataset's median degree (log scale), mean rating, and rating shares.
    /// </summary>
    public static float[] RatingProfiles(RatingsDataset data)
    {
        var classes = data.Scale.Classes;
        var width = classes + 2;
        var degrees = DatasetStats.Degrees(data.Users, data.UserCount);
        var median = Math.Max(1, Percentile(degrees.Where(d => d > 0).Select(d => (double)d).ToArray(), 0.5));
        var profiles = new float[data.UserCount * width];
        for (var i = 0; i < data.Count; i++)
        {
            var row = data.Users[i] * width;
            profiles[row + 1] += data.Ratings[i];
            profiles[row + 2 + data.Scale.ClassOf(data.Ratings[i])] += 1;
        }
        var kept = new List<float>();
        for (var u = 0; u < data.UserCount; u++)
        {
            if (degrees[u] == 0)
            {
                continue;
            }
            var row = u * width;
            kept.Add((float)Math.Log(degrees[u] / median));
            kept.Add((float)((profiles[row + 1] / degrees[u] - data.Scale.Min) / Math.Max(data.Scale.Max - data.Scale.Min, 1e-9)));
            for (var c = 0; c < classes; c++)
            {
                kept.Add(profiles[row + 2 + c] / degrees[u]);
            }
        }
        return [.. kept];
    }

    public static int ProfileWidth(RatingScale scale) => scale.Classes + 2;

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /// <summary>Kendall's tau-b between two score lists over the same items (ties handled).</summary>
    public static double KendallTau(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("both rankings must score the same items");
        }
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0 && dy == 0)
                {
                    continue;
                }
                if (dx == 0)
                {
                    tiesX++;
                }
                else if (dy == 0)
                {
                    tiesY++;
                }
                else if (dx == dy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }
        var denominator = Math.Sqrt((double)(concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
