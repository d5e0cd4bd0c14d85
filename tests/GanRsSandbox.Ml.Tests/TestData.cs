using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Tests;

/// <summary>Small generated datasets with real structure (low-rank tastes), so models have something to learn.</summary>
internal static class TestData
{
    public static RatingsDataset LowRank(int users = 60, int items = 40, double density = 0.5, RatingScale? scale = null, int seed = 7)
    {
        var s = scale ?? RatingScale.OneToFive;
        var random = new Random(seed);
        var userTaste = Enumerable.Range(0, users).Select(_ => new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1 }).ToArray();
        var itemTrait = Enumerable.Range(0, items).Select(_ => new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1 }).ToArray();
        var u = new List<int>();
        var i = new List<int>();
        var r = new List<float>();
        for (var user = 0; user < users; user++)
        {
            for (var item = 0; item < items; item++)
            {
                if (random.NextDouble() >= density)
                {
                    continue;
                }
                var affinity = userTaste[user][0] * itemTrait[item][0] + userTaste[user][1] * itemTrait[item][1];
                var mid = (s.Min + s.Max) / 2.0;
                var value = Math.Clamp(Math.Round(mid + affinity * (s.Max - s.Min) / 1.5 + random.NextDouble() - 0.5), s.Min, s.Max);
                u.Add(user);
                i.Add(item);
                r.Add((float)value);
            }
        }
        return RatingsDataset.FromIndices("low-rank", [.. u], [.. i], [.. r], users, items, s);
    }

    /// <summary>User u rates about items·0.9^u items, preferring low item numbers: long-tailed users and items.</summary>
    public static RatingsDataset Skewed(int users, int items, int seed = 11)
    {
        var random = new Random(seed);
        var u = new List<int>();
        var i = new List<int>();
        var r = new List<float>();
        for (var user = 0; user < users; user++)
        {
            var degree = Math.Max(2, (int)(items * Math.Pow(0.9, user)));
            var chosen = new HashSet<int>();
            while (chosen.Count < degree)
            {
                chosen.Add((int)Math.Min(items - 1, Math.Floor(items * Math.Pow(random.NextDouble(), 2))));
            }
            foreach (var item in chosen.Order())
            {
                u.Add(user);
                i.Add(item);
                r.Add(1 + (user + item) % 5);
            }
        }
        return RatingsDataset.FromIndices("skewed", [.. u], [.. i], [.. r], users, items, RatingScale.OneToFive);
    }

    /// <summary>
    /// Long-tailed items whose popularity goes with how well they are liked (as on MovieLens): item i's quality falls
    /// with i, users pick items with a preference for low i, and each user has a leniency of their own.
    /// </summary>
    public static RatingsDataset PopularLiked(int users, int items, int seed = 13)
    {
        var random = new Random(seed);
        var quality = Enumerable.Range(0, items).Select(i => 1.2 - 2.4 * i / items + 0.4 * (random.NextDouble() - 0.5)).ToArray();
        var u = new List<int>();
        var i = new List<int>();
        var r = new List<float>();
        for (var user = 0; user < users; user++)
        {
            var leniency = random.NextDouble() - 0.5;
            var chosen = new HashSet<int>();
            var degree = 3 + random.Next(items / 3);
            while (chosen.Count < degree)
            {
                chosen.Add((int)Math.Min(items - 1, Math.Floor(items * Math.Pow(random.NextDouble(), 2.5))));
            }
            foreach (var item in chosen.Order())
            {
                u.Add(user);
                i.Add(item);
                r.Add((float)Math.Clamp(Math.Round(3.2 + quality[item] + leniency + 1.2 * (random.NextDouble() - 0.5)), 1, 5));
            }
        }
        return RatingsDataset.FromIndices("popular-liked", [.. u], [.. i], [.. r], users, items, RatingScale.OneToFive);
    }

    public static string WriteTemp(string content, string extension = ".txt")
    {
        var path = Path.Combine(Path.GetTempPath(), "ganrs-test-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        return path;
    }
}
