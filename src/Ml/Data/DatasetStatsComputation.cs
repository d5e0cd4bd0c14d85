namespace GanRsSandbox.Ml.Data;

/// <summary>Computes <see cref="DatasetStats"/> from the ratings; a static extension, so that it reads <c>DatasetStats.Compute(data)</c>.</summary>
public static class DatasetStatsComputation
{
    extension(DatasetStats)
    {
        public static DatasetStats Compute(RatingsDataset data)
        {
            var userDegrees = DatasetStats.Degrees(data.Users, data.UserCount);
            var itemDegrees = DatasetStats.Degrees(data.Items, data.ItemCount);
            var counts = new int[data.Scale.Classes];
            double sum = 0;
            foreach (var r in data.Ratings)
            {
                sum += r;
                counts[data.Scale.ClassOf(r)]++;
            }
            var histogram = new SortedDictionary<double, int>();
            for (var c = 0; c < counts.Length; c++)
            {
                histogram[data.Scale.ValueOf(c)] = counts[c];
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
                DatasetStats.Gini(userDegrees),
                DatasetStats.Gini(itemDegrees));
        }
    }

    /// <summary>The figures with the user and item long tails, for charts.</summary>
    public static DatasetStats WithLongTails(this DatasetStats stats, RatingsDataset data) => stats with
    {
        UserDegrees = DatasetStats.LongTail(DatasetStats.Degrees(data.Users, data.UserCount)),
        ItemDegrees = DatasetStats.LongTail(DatasetStats.Degrees(data.Items, data.ItemCount)),
    };
}
