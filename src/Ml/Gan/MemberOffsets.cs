using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// How well liked a member is, as a function of how often it is rated. On MovieLens popular items are the liked ones,
/// rare items average a whole star below the mean, and the best-rated include rare ones; the raters of rare items are
/// the heavy, harsh users. The matched variant's degrees follow the GAN's cluster sizes, which know nothing of this, so
/// it gives every synthetic user and item a target mean rating drawn for the source's member at the same degree rank,
/// and fits the members' offsets on the synthetic set's own pairs so that each member's mean latent rating is its
/// target, whoever its raters turn out to be.
/// </summary>
internal static class MemberOffsets
{
    private const int FitRounds = 30;

    private const int CentringRounds = 5;

    /// <summary>
    /// Each side's mean ratings by degree rank. A member's estimate is its ratings' mean offset from the global mean,
    /// shrunk (empirical Bayes, estimated, not tuned) towards the pooled mean of the members of about its degree
    /// (degrees grouped by powers of two): (sum + κ·prior) / (n + κ), κ = σ²ₑ / σ²ᵦ, with σ²ₑ the pooled variance
    /// within members and σ²ᵦ the variance of members' means about their priors less what sampling noise explains.
    /// Its spread is the posterior's, √(σ²ₑ / (n + κ)), so that drawing from it gives the members' true dispersion.
    /// </summary>
    public static (DegreeOffsets Users, DegreeOffsets Items) Estimate(RatingsDataset source, int seed)
    {
        double mean = 0;
        foreach (var rating in source.Ratings)
        {
            mean += rating;
        }
        mean /= Math.Max(source.Count, 1);
        return (Side(source.Users, source.UserCount, source.Ratings, mean, seed), Side(source.Items, source.ItemCount, source.Ratings, mean, seed + 1));
    }

    private static DegreeOffsets Side(int[] members, int count, float[] ratings, double mean, int seed)
    {
        var sums = new double[count];
        var squares = new double[count];
        var degrees = new int[count];
        for (var r = 0; r < members.Length; r++)
        {
            var x = ratings[r] - mean;
            sums[members[r]] += x;
            squares[members[r]] += x * x;
            degrees[members[r]]++;
        }
        var bands = new int[count];
        var bandSums = new double[32];
        var bandRatings = new double[32];
        for (var m = 0; m < count; m++)
        {
            if (degrees[m] > 0)
            {
                bands[m] = System.Numerics.BitOperations.Log2((uint)degrees[m]);
                bandSums[bands[m]] += sums[m];
                bandRatings[bands[m]] += degrees[m];
            }
        }
        var priors = new double[count];
        double within = 0, between = 0, noise = 0;
        var rated = 0;
        for (var m = 0; m < count; m++)
        {
            if (degrees[m] == 0)
            {
                continue;
            }
            priors[m] = bandSums[bands[m]] / bandRatings[bands[m]];
            var memberMean = sums[m] / degrees[m];
            within += squares[m] - sums[m] * memberMean;
            between += (memberMean - priors[m]) * (memberMean - priors[m]);
            rated++;
        }
        var withinVariance = within / Math.Max(members.Length - rated, 1);
        for (var m = 0; m < count; m++)
        {
            if (degrees[m] > 0)
            {
                noise += withinVariance / degrees[m];
            }
        }
        // Members that differ by no more than their sampling noise get their bands' means, with no spread to speak of.
        var offsetVariance = Math.Max((between - noise) / Math.Max(rated, 1), 1e-6 * withinVariance + 1e-12);
        var shrinkage = withinVariance / offsetVariance;

        // Ordered by degree, largest first (as DegreeTargets reads the source's degrees); equal degrees in a seeded
        // random order, so that none of their original order leaks in.
        var order = Enumerable.Range(0, count).Where(m => degrees[m] > 0).ToArray();
        new Random(seed).Shuffle(order);
        order = [.. order.OrderByDescending(m => degrees[m])];
        return new DegreeOffsets(
            Array.ConvertAll(order, m => (sums[m] + shrinkage * priors[m]) / (degrees[m] + shrinkage)),
            Array.ConvertAll(order, m => Math.Sqrt(withinVariance / (degrees[m] + shrinkage))));
    }

    /// <summary>
    /// Each synthetic member's target offset: a draw from the estimate of the source's member at the same degree
    /// quantile, read at a random point within the member's quantile step, so that members of equal degree draw from
    /// the whole tie of source members rather than in a fixed order.
    /// </summary>
    public static double[] Targets(DegreeOffsets source, int[] degrees, Random random)
    {
        var count = degrees.Length;
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        order = [.. order.OrderByDescending(m => degrees[m])];
        var targets = new double[count];
        for (var rank = 0; rank < count; rank++)
        {
            var position = Math.Clamp((int)((rank + random.NextDouble()) / count * source.Means.Length), 0, source.Means.Length - 1);
            targets[order[rank]] = source.Means[position] + source.Spreads[position] * Gaussian(random);
        }
        return targets;
    }

    /// <summary>
    /// Per-member offsets on the given pairs such that every user's mean of bᵤ + bᵢ over its pairs is its target and
    /// every item's too (alternating, as the baseline predictor is fitted). The targets are first centred to a zero
    /// mean over the pairs on each side, the one condition under which both sides can hold at once.
    /// </summary>
    public static (double[] Users, double[] Items) Fit(double[] userTargets, double[] itemTargets, int[] users, int[] items)
    {
        var userCounts = DatasetStats.Degrees(users, userTargets.Length);
        var itemCounts = DatasetStats.Degrees(items, itemTargets.Length);
        var userGoal = Centred(userTargets, users);
        var itemGoal = Centred(itemTargets, items);
        var userOffsets = (double[])userGoal.Clone();
        var itemOffsets = new double[itemTargets.Length];
        for (var round = 0; round < FitRounds; round++)
        {
            Solve(itemOffsets, itemGoal, items, itemCounts, users, userOffsets);
            Solve(userOffsets, userGoal, users, userCounts, items, itemOffsets);
        }
        return (userOffsets, itemOffsets);
    }

    /// <summary>offsets[m] = goal[m] − the mean of the other side's offsets over m's pairs.</summary>
    private static void Solve(double[] offsets, double[] goal, int[] members, int[] counts, int[] others, double[] otherOffsets)
    {
        var sums = new double[offsets.Length];
        for (var j = 0; j < members.Length; j++)
        {
            sums[members[j]] += otherOffsets[others[j]];
        }
        for (var m = 0; m < offsets.Length; m++)
        {
            offsets[m] = counts[m] == 0 ? 0 : goal[m] - sums[m] / counts[m];
        }
    }

    private static double[] Centred(double[] targets, int[] members)
    {
        double sum = 0;
        foreach (var m in members)
        {
            sum += targets[m];
        }
        var mean = sum / Math.Max(members.Length, 1);
        return Array.ConvertAll(targets, t => t - mean);
    }

    /// <summary>
    /// Leaves in each pair's value only the part that is neither member's own: takes out the per-item and per-user
    /// means over the pairs, in place (alternating until both are about zero; the values can be a whole set's worth).
    /// A member's mean is its offset's to give; what stays is which of a user's items the user likes more than the
    /// item's raters do, the personal part of a rating.
    /// </summary>
    public static void KeepInteraction(double[] values, int[] users, int userCount, int[] items, int itemCount)
    {
        var userCounts = DatasetStats.Degrees(users, userCount);
        var itemCounts = DatasetStats.Degrees(items, itemCount);
        for (var round = 0; round < CentringRounds; round++)
        {
            TakeOutMeans(values, items, itemCounts);
            TakeOutMeans(values, users, userCounts);
        }
    }

    private static void TakeOutMeans(double[] values, int[] members, int[] counts)
    {
        var sums = new double[counts.Length];
        for (var j = 0; j < values.Length; j++)
        {
            sums[members[j]] += values[j];
        }
        for (var j = 0; j < values.Length; j++)
        {
            values[j] -= sums[members[j]] / counts[members[j]];
        }
    }

    /// <summary>The population standard deviation.</summary>
    public static double Std(double[] values)
    {
        double sum = 0, square = 0;
        foreach (var v in values)
        {
            sum += v;
            square += v * v;
        }
        var mean = sum / Math.Max(values.Length, 1);
        return Math.Sqrt(Math.Max(square / Math.Max(values.Length, 1) - mean * mean, 0));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
