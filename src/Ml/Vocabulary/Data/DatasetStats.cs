using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Summary figures of a ratings dataset, the ones the paper and the fidelity report compare: the one shape of them,
/// from <c>ganrs stats</c> to the dataset page. The histogram counts each scale value; the long tails, where a
/// caller asked for them, are the degrees most popular first, thinned to at most <see cref="TailPoints"/>.
/// </summary>
public sealed record DatasetStats(
    int Users,
    int Items,
    int Ratings,
    double Density,
    double Mean,
    RatingScale Scale,
    IReadOnlyDictionary<double, int> Histogram,
    double GiniUsers,
    double GiniItems)
{
    public const int TailPoints = 200;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? UserDegrees { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? ItemDegrees { get; init; }

    /// <summary>The users broken down by each categorical attribute of their side information, where a caller gave one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SideInfo.GroupBreakdown>? Groups { get; init; }

    /// <summary>The items broken down by each categorical attribute of their side information (genres), where a caller gave one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SideInfo.ItemGroupBreakdown>? ItemGroups { get; init; }

    /// <summary>Degrees sorted descending and thinned to evenly spaced ranks, enough to draw a long-tail curve.</summary>
    public static int[] LongTail(int[] degrees)
    {
        var sorted = degrees.OrderDescending().ToArray();
        if (sorted.Length <= TailPoints)
        {
            return sorted;
        }
        return Enumerable.Range(0, TailPoints).Select(i => sorted[(int)((long)i * (sorted.Length - 1) / (TailPoints - 1))]).ToArray();
    }

    public static int[] Degrees(int[] indices, int count)
    {
        var degrees = new int[count];
        foreach (var i in indices)
        {
            degrees[i]++;
        }
        return degrees;
    }

    /// <summary>Gini coefficient of the positive values: 0 when all are equal, towards 1 when one dominates.</summary>
    public static double Gini(IEnumerable<int> values)
    {
        var sorted = values.Where(v => v > 0).Select(v => (double)v).Order().ToArray();
        var n = sorted.Length;
        if (n == 0)
        {
            return 0;
        }
        double weighted = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
            total += sorted[i];
        }
        return weighted / (n * total);
    }
}
