using GanRsSandbox.Ml.Scenarios;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// Degree sequences for a synthetic dataset that keep the shape of the source's at any size: the source's sorted
/// degrees are read at evenly spaced quantiles (one per synthetic user or item) and scaled by one common factor.
/// A common factor leaves the Gini coefficient and the head share unchanged, except where the cap (a user
/// cannot rate more items than there are) or the floor of one rating bites.
/// </summary>
internal static class DegreeTargets
{
    /// <summary>
    /// <paramref name="count"/> degrees, largest first, each in [1, <paramref name="cap"/>], that sum to
    /// <paramref name="total"/> exactly.
    /// </summary>
    /// <param name="floor">The least degree (above 1 for the warm users of a cold-start scenario).</param>
    /// <param name="exponent">The popularity skew: the shape is raised to this power before scaling (1 keeps the source's).</param>
    public static int[] Scaled(int[] sourceDegrees, int count, long total, int cap, int floor = 1, double exponent = 1)
    {
        if (total < (long)count * floor || total > (long)count * cap)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"must lie between {(long)count * floor:N0} and {(long)count * cap:N0}");
        }
        var shape = Shape(sourceDegrees, count);
        if (exponent != 1)
        {
            shape = Array.ConvertAll(shape, q => Math.Pow(q, exponent));
        }
        // The sum of the clamped, scaled shape grows with the factor: bisect for the factor that gives the total.
        double Sum(double factor)
        {
            double sum = 0;
            foreach (var q in shape)
            {
                sum += Math.Clamp(q * factor, floor, cap);
            }
            return sum;
        }
        double low = 0, high = 1;
        while (Sum(high) < total)
        {
            high *= 2;
        }
        for (var i = 0; i < 100; i++)
        {
            var middle = (low + high) / 2;
            (Sum(middle) < total ? ref low : ref high) = middle;
        }
        var exact = shape.Select(q => Math.Clamp(q * high, floor, cap)).ToArray();
        var degrees = exact.Select(v => (int)Math.Floor(v)).ToArray();
        var missing = total - degrees.Sum(d => (long)d);
        // Largest remainders first; ties go to the larger degree, so the order stays largest first.
        var order = Enumerable.Range(0, count).Where(i => degrees[i] < cap).OrderByDescending(i => exact[i] - degrees[i]).ThenBy(i => i).ToArray();
        for (var j = 0; missing > 0 && order.Length > 0; j = (j + 1) % order.Length)
        {
            if (degrees[order[j]] < cap)
            {
                degrees[order[j]]++;
                missing--;
            }
        }
        while (missing < 0)
        {
            // The floor can leave the sum above the total only by rounding; take from the largest.
            for (var i = 0; i < count && missing < 0; i++)
            {
                if (degrees[i] > floor)
                {
                    degrees[i]--;
                    missing++;
                }
            }
        }
        Array.Sort(degrees);
        Array.Reverse(degrees);
        return degrees;
    }

    /// <summary>
    /// A cold-start scenario on a degree sequence (largest first): the smallest <c>share</c> of it get at most K
    /// ratings each (spread evenly over 1..K, never more than they had), and the others are rescaled, keeping their
    /// shape, to more than K so that the total stays the same. The result is largest first.
    /// </summary>
    public static int[] WithCold(int[] largestFirst, ColdStart cold, int cap, string name)
    {
        var count = largestFirst.Length;
        var coldCount = (int)Math.Round(cold.Share * count);
        if (coldCount == 0 || coldCount == count)
        {
            return coldCount == 0 ? largestFirst : throw new ArgumentOutOfRangeException(name, cold.Share, $"leaves none of {count:N0} warm");
        }
        var k = cold.MaxRatings;
        var coldDegrees = new int[coldCount];
        for (var j = 0; j < coldCount; j++)
        {
            coldDegrees[j] = Math.Min(largestFirst[count - coldCount + j], Math.Max(1, (int)Math.Ceiling(k * (double)(coldCount - j) / coldCount)));
        }
        var warmCount = count - coldCount;
        var warmTotal = largestFirst.Sum(d => (long)d) - coldDegrees.Sum(d => (long)d);
        if (warmTotal < (long)warmCount * (k + 1) || warmTotal > (long)warmCount * cap)
        {
            throw new ArgumentOutOfRangeException(name, cold.ToString(),
                $"the other {warmCount:N0} would need {warmTotal:N0} ratings between them, more than {k} each and at most {cap:N0}: not possible (ask for more ratings or a smaller share)");
        }
        var warm = Scaled(largestFirst[..warmCount], warmCount, warmTotal, cap, floor: k + 1);
        return [.. warm, .. coldDegrees];
    }

    /// <summary>
    /// The expected number of distinct (user, item) pairs among <paramref name="samples"/> draws from
    /// P(u, i) ∝ θᵤ θᵢ, where θ follows the source's user and item degree shapes. This gives
    /// <c>--samples</c> its paper meaning (samples that land on the same pair collapse) without making the size
    /// depend on where the GAN's checkpoint happens to concentrate its samples.
    /// </summary>
    public static long ExpectedDistinctPairs(int[] sourceUserDegrees, int[] sourceItemDegrees, int users, int items, long samples)
    {
        const int Buckets = 512;
        var userGroups = Groups(Shape(sourceUserDegrees, users), Buckets);
        var itemGroups = Groups(Shape(sourceItemDegrees, items), Buckets);
        var userTotal = userGroups.Sum(g => g.Mean * g.Count);
        var itemTotal = itemGroups.Sum(g => g.Mean * g.Count);
        double expected = 0;
        foreach (var u in userGroups)
        {
            foreach (var i in itemGroups)
            {
                var p = u.Mean / userTotal * (i.Mean / itemTotal);
                expected += u.Count * (double)i.Count * -double.ExpM1(-samples * p);
            }
        }
        return (long)Math.Round(expected);
    }

    /// <summary>The source's positive degrees, largest first, read at the midpoints of <paramref name="count"/> equal quantile steps.</summary>
    private static double[] Shape(int[] sourceDegrees, int count)
    {
        var sorted = sourceDegrees.Where(d => d > 0).OrderDescending().ToArray();
        if (sorted.Length == 0)
        {
            return Enumerable.Repeat(1.0, count).ToArray();
        }
        var shape = new double[count];
        for (var r = 0; r < count; r++)
        {
            var position = (r + 0.5) / count * sorted.Length - 0.5;
            var low = (int)Math.Clamp(Math.Floor(position), 0, sorted.Length - 1);
            var high = Math.Min(low + 1, sorted.Length - 1);
            var fraction = Math.Clamp(position - low, 0, 1);
            shape[r] = sorted[low] + (sorted[high] - sorted[low]) * fraction;
        }
        return shape;
    }

    private static (double Mean, int Count)[] Groups(double[] values, int buckets)
    {
        var groups = new List<(double, int)>();
        var size = Math.Max(1, (values.Length + buckets - 1) / buckets);
        for (var start = 0; start < values.Length; start += size)
        {
            var length = Math.Min(size, values.Length - start);
            groups.Add((values.AsSpan(start, length).ToArray().Average(), length));
        }
        return [.. groups];
    }
}
