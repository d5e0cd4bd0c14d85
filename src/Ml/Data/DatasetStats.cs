namespace GanRsSandbox.Ml.Data;

/// <summary>Summary figures of a ratings dataset, the ones the paper and the fidelity report compare.</summary>
public sealed record DatasetStats(
    int Users,
    int Items,
    int Ratings,
    double Density,
    double Mean,
    RatingScale Scale,
    IReadOnlyDictionary<int, int> Histogram,
    double GiniUsers,
    double GiniItems)
{
    public static DatasetStats Compute(RatingsDataset data)
    {
        var userDegrees = Degrees(data.Users, data.UserCount);
        var itemDegrees = Degrees(data.Items, data.ItemCount);
        var histogram = new SortedDictionary<int, int>();
        for (var v = data.Scale.Min; v <= data.Scale.Max; v++)
        {
            histogram[v] = 0;
        }
        double sum = 0;
        foreach (var r in data.Ratings)
        {
            sum += r;
            histogram[data.Scale.Min + data.Scale.ClassOf(r)]++;
        }
        var users = userDegrees.Count(d => d > 0);
        var items = itemDegrees.Count(d => d > 0);
        return new DatasetStats(
            users,
            items,
            data.Count,
            users == 0 || items == 0 ? 0 : data.Count / ((double)users * items),
            data.Count == 0 ? 0 : sum / data.Count,
            data.Scale,
            histogram,
            Gini(userDegrees),
            Gini(itemDegrees));
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
