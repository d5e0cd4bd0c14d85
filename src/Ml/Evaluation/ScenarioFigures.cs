using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>Measures what a scenario asked for on the synthetic set, next to the source's value and the request.</summary>
public static class ScenarioFigures
{
    /// <summary>The figures of every knob the request set (and of the groups of a conditional generator); null when there are none.</summary>
    public static IReadOnlyList<ScenarioFigure>? Measure(GanrsModel generator, SampleOptions options, SyntheticResult result)
    {
        var figures = new List<ScenarioFigure>();
        var source = generator.Source;
        var data = result.Dataset;
        var userDegrees = DatasetStats.Degrees(data.Users, data.UserCount);
        var itemDegrees = DatasetStats.Degrees(data.Items, data.ItemCount);
        if (options.ColdUsers is { } coldUsers)
        {
            figures.Add(new($"users with at most {coldUsers.MaxRatings} ratings (share)",
                ShareAtMost(source.UserDegrees, coldUsers.MaxRatings), ShareAtMost(userDegrees, coldUsers.MaxRatings), coldUsers.Share));
        }
        if (options.ColdItems is { } coldItems)
        {
            figures.Add(new($"items with at most {coldItems.MaxRatings} ratings (share)",
                ShareAtMost(source.ItemDegrees, coldItems.MaxRatings), ShareAtMost(itemDegrees, coldItems.MaxRatings), coldItems.Share));
        }
        var requested = SyntheticSampler.RequestedClassShares(options, source.Scale);
        if (requested is not null)
        {
            figures.Add(new("rating TVD against the requested histogram", FidelityMetrics.Tvd(source.RatingShares, requested),
                FidelityMetrics.Tvd(Histogram(data, _ => true), requested), 0));
        }
        if (options.PopularitySkew != 1)
        {
            figures.Add(new($"item degree Gini (popularity skew {options.PopularitySkew})", source.Stats.GiniItems, DatasetStats.Gini(itemDegrees), null));
            figures.Add(new("head share (top 10% of items)", FidelityMetrics.HeadShare(source.ItemDegrees), FidelityMetrics.HeadShare(itemDegrees), null));
        }
        if (!options.PopularityLiking)
        {
            // Unlinked, an item's mean rating owes nothing to its popularity: the request is "no link", a ρ of about 0.
            figures.Add(new("ρ items, popularity vs mean rating (unlinked)", source.ItemDegreeRatingSpearman,
                FidelityMetrics.DegreeRatingSpearman(data.Items, data.ItemCount, data.Ratings), 0));
        }
        if (generator.Condition is { } condition && result.UserGroups is { } groups)
        {
            var wanted = condition.SharesFor(options.GroupShares);
            var sizes = groups.Sizes();
            for (var g = 0; g < condition.Groups; g++)
            {
                var label = $"{condition.Attribute}={condition.Values[g]}";
                figures.Add(new($"{label}: share of users", condition.UserShares[g], (double)sizes[g] / data.UserCount,
                    options.GroupShares is null ? null : wanted[g]));
                if (sizes[g] > 0)
                {
                    var group = g;
                    var target = requested ?? condition.RatingShares[g];
                    figures.Add(new($"{label}: rating TVD against {(requested is null ? "the source group's" : "the requested")} histogram", null,
                        FidelityMetrics.Tvd(Histogram(data, u => groups.GroupOfUser[u] == group), target), 0));
                }
            }
        }
        return figures.Count == 0 ? null : figures;
    }

    private static double ShareAtMost(int[] degrees, int k) => degrees.Length == 0 ? 0 : (double)degrees.Count(d => d <= k) / degrees.Length;

    /// <summary>The rating shares of the ratings whose user passes the filter.</summary>
    private static double[] Histogram(RatingsDataset data, Func<int, bool> user)
    {
        var counts = new double[data.Scale.Classes];
        long total = 0;
        for (var r = 0; r < data.Count; r++)
        {
            if (user(data.Users[r]))
            {
                counts[data.Scale.ClassOf(data.Ratings[r])]++;
                total++;
            }
        }
        return counts.Select(c => total == 0 ? 0 : c / total).ToArray();
    }
}
