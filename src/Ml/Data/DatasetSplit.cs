namespace GanRsSandbox.Ml.Data;

/// <summary>Row indices of a dataset divided into training and test parts.</summary>
public sealed record DatasetSplit(int[] Train, int[] Test)
{
    /// <summary>A seeded random split: <paramref name="testRatio"/> of the ratings, drawn uniformly, are held out.</summary>
    public static DatasetSplit Ratio(int count, double testRatio, int seed)
    {
        if (testRatio is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testRatio), testRatio, "the test ratio must lie strictly between 0 and 1");
        }
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var cut = (int)Math.Round(count * (1 - testRatio), MidpointRounding.AwayFromZero);
        return new DatasetSplit(order[..cut], order[cut..]);
    }

    /// <summary>
    /// The CF4J split: each user is a test user with probability <paramref name="testUsers"/>, each item a test item
    /// with probability <paramref name="testItems"/>; a rating is a test rating when both its user and item are.
    /// </summary>
    public static DatasetSplit Cf4j(RatingsDataset data, double testUsers, double testItems, int seed)
    {
        var random = new Random(seed);
        var isTestUser = Enumerable.Range(0, data.UserCount).Select(_ => random.NextDouble() < testUsers).ToArray();
        var isTestItem = Enumerable.Range(0, data.ItemCount).Select(_ => random.NextDouble() < testItems).ToArray();
        var train = new List<int>();
        var test = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            (isTestUser[data.Users[i]] && isTestItem[data.Items[i]] ? test : train).Add(i);
        }
        return new DatasetSplit([.. train], [.. test]);
    }
}
