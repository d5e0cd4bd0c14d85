namespace GanRsSandbox.Ml.Data;

/// <summary>
/// A procedurally generated source with the shape of a real one: long-tailed user activity and item popularity,
/// and ratings from low-rank tastes plus item quality, so that the baselines have something to learn and a first
/// run needs no file.
/// </summary>
public static class DemoDataset
{
    public const int DefaultUsers = 600;
    public const int DefaultItems = 400;

    public static RatingsDataset Create(int seed = 1, int users = DefaultUsers, int items = DefaultItems, string name = "demo")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 2);
        const int factors = 3;
        var random = new Random(seed);
        var taste = Gaussian(random, users * factors);
        var trait = Gaussian(random, items * factors);
        var quality = Gaussian(random, items);
        // Zipf-like popularity: item rank r is chosen with weight 1/(r+10)^0.9.
        var popularity = new double[items];
        for (var item = 0; item < items; item++)
        {
            popularity[item] = (item == 0 ? 0 : popularity[item - 1]) + Math.Pow(item + 10, -0.9);
        }

        var userIndices = new List<int>();
        var itemIndices = new List<int>();
        var ratings = new List<float>();
        var rated = new HashSet<int>();
        for (var user = 0; user < users; user++)
        {
            // Activity between 10 and a third of the catalogue, heavy-tailed like MovieLens (every user has at least 10).
            var degree = Math.Min(items / 3, 10 + (int)(8 * Math.Exp(1.3 * Normal(random))));
            rated.Clear();
            while (rated.Count < degree)
            {
                var pick = random.NextDouble() * popularity[^1];
                var item = Array.BinarySearch(popularity, pick);
                item = item < 0 ? ~item : item;
                if (!rated.Add(item))
                {
                    continue;
                }
                var affinity = quality[item] * 0.6;
                for (var f = 0; f < factors; f++)
                {
                    affinity += taste[user * factors + f] * trait[item * factors + f] * 0.7;
                }
                userIndices.Add(user);
                itemIndices.Add(item);
                ratings.Add((float)Math.Clamp(Math.Round(3.6 + affinity + 0.5 * Normal(random)), 1, 5));
            }
        }
        return RatingsDataset.FromIndices(name, [.. userIndices], [.. itemIndices], [.. ratings], users, items, RatingScale.OneToFive);
    }

    private static double[] Gaussian(Random random, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Normal(random);
        }
        return values;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
