using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// How a conditional generator's synthetic users split into groups: how many users each group gets (the source's
/// shares, or those requested), which label each GAN sample is drawn with, and how the ratings divide between groups.
/// </summary>
internal sealed class GroupPlan
{
    /// <summary>The golden ratio's fractional part: sample i's label comes from frac(i·φ), an evenly spread sequence, so any first share of the samples has every group in its share.</summary>
    private const double Golden = 0.6180339887498949;

    private readonly double[] _sampleCumulative;

    private GroupPlan(GeneratorCondition condition, double[] userShares, int users)
    {
        Condition = condition;
        UserShares = userShares;
        Users = Apportion(users, userShares, userShares.Select(s => s > 0 ? 1L : 0L).ToArray(), userShares.Select(_ => (long)users).ToArray())
            .Select(n => (int)n).ToArray();
        Offsets = new int[Users.Length];
        for (var g = 1; g < Users.Length; g++)
        {
            Offsets[g] = Offsets[g - 1] + Users[g - 1];
        }
        // A group's GAN samples follow its share of the ratings: its users times their mean degree in the source.
        var volume = Enumerable.Range(0, Users.Length).Select(g => Users[g] * MeanDegree(g)).ToArray();
        var total = volume.Sum();
        _sampleCumulative = new double[volume.Length];
        double running = 0;
        for (var g = 0; g < volume.Length; g++)
        {
            running += volume[g] / total;
            _sampleCumulative[g] = running;
        }
        _sampleCumulative[^1] = 1;
    }

    public GeneratorCondition Condition { get; }

    public int Groups => Users.Length;

    /// <summary>The users' shares aimed at, in the condition's group order.</summary>
    public double[] UserShares { get; }

    /// <summary>Synthetic users per group; group g's users are <c>Offsets[g] .. Offsets[g] + Users[g] - 1</c>.</summary>
    public int[] Users { get; }

    public int[] Offsets { get; }

    /// <summary>The plan for a request, or null for an unconditional generator (which a request for group shares cannot use).</summary>
    public static GroupPlan? For(GanrsModel model, SampleOptions options)
    {
        if (model.Condition is not { } condition)
        {
            if (options.GroupShares is not null)
            {
                throw new ArgumentOutOfRangeException("group-shares", "this generator was trained without a condition; train one with --condition ATTRIBUTE to set group shares");
            }
            return null;
        }
        if (!options.Variant.IsMatched())
        {
            throw new ArgumentOutOfRangeException("variant", options.Variant.Name(),
                $"a conditional generator ({condition.Attribute}) samples with the matched variant, which gives each group its own users, degrees and rating histogram");
        }
        var shares = condition.SharesFor(options.GroupShares);
        if (options.Users < shares.Count(s => s > 0))
        {
            throw new ArgumentOutOfRangeException("users", options.Users, $"every group with a share needs a user: at least {shares.Count(s => s > 0)}");
        }
        return new GroupPlan(condition, shares, options.Users);
    }

    public int GroupOfSample(long index)
    {
        var x = (index + 1) * Golden % 1.0;
        var g = 0;
        while (g < _sampleCumulative.Length - 1 && x >= _sampleCumulative[g])
        {
            g++;
        }
        return g;
    }

    public int GroupOfUser(int user)
    {
        var g = Groups - 1;
        while (g > 0 && user < Offsets[g])
        {
            g--;
        }
        return g;
    }

    public UserGrouping Grouping() => new(Condition.Attribute, Condition.Values,
        Enumerable.Range(0, Users.Sum()).Select(GroupOfUser).ToArray());

    /// <summary>The source's mean degree in a group (every group has source users: the condition is built from them).</summary>
    public double MeanDegree(int group) => Condition.UserDegrees[group].Average();

    /// <summary>Each group's ratings out of <paramref name="total"/>: its users times their source mean degree, each group within [users, users × items].</summary>
    public long[] Ratings(long total, int items) => Apportion(total, Enumerable.Range(0, Groups).Select(g => Users[g] * MeanDegree(g)).ToArray(),
        Users.Select(n => (long)n).ToArray(), Users.Select(n => (long)n * items).ToArray());

    /// <summary>Splits a whole number by weights (largest remainders), each part within its bounds.</summary>
    internal static long[] Apportion(long total, double[] weights, long[] min, long[] max)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum > 0 ? total * w / sum : 0).ToArray();
        var parts = exact.Select((e, g) => Math.Clamp((long)Math.Floor(e), min[g], max[g])).ToArray();
        var order = Enumerable.Range(0, parts.Length).OrderByDescending(g => exact[g] - Math.Floor(exact[g])).ThenBy(g => g).ToArray();
        var missing = total - parts.Sum();
        while (missing != 0)
        {
            var open = order.Where(g => missing > 0 ? parts[g] < max[g] && weights[g] > 0 : parts[g] > min[g]).ToArray();
            if (open.Length == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(total), total, "cannot be split between the groups within their bounds");
            }
            foreach (var g in open)
            {
                if (missing == 0)
                {
                    break;
                }
                var step = Math.Sign(missing);
                // Large gaps (a bound bit hard) move in proportion, the last units one at a time.
                var room = missing > 0 ? max[g] - parts[g] : parts[g] - min[g];
                var move = Math.Min(room, Math.Max(1, Math.Abs(missing) / open.Length));
                parts[g] += step * move;
                missing -= step * move;
            }
        }
        return parts;
    }
}
