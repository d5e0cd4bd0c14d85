using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.SideInfo;

/// <summary>What the users and the items files share: counting each label's members and the histogram of their ratings.</summary>
internal static class GroupCounting
{
    /// <summary>Each label's members, and the ratings of the rows whose member carries it; the largest group first.</summary>
    /// <param name="memberOfRow">Each rating's member: <see cref="RatingsDataset.Users"/> or <see cref="RatingsDataset.Items"/>.</param>
    /// <param name="labelsOf">A member's labels: one value for a user attribute, any number of genres for an item.</param>
    public static IEnumerable<(string Value, int Members, long Ratings, IReadOnlyDictionary<double, double> RatingShares)> Count(
        RatingsDataset dataset, int[] memberOfRow, int members, Func<int, IEnumerable<string>> labelsOf)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new string[members][];
        for (var m = 0; m < members; m++)
        {
            labels[m] = labelsOf(m).ToArray();
            foreach (var label in labels[m])
            {
                sizes[label] = sizes.GetValueOrDefault(label) + 1;
            }
        }
        var counts = sizes.Keys.ToDictionary(v => v, _ => new Dictionary<double, long>(), StringComparer.Ordinal);
        for (var r = 0; r < dataset.Count; r++)
        {
            foreach (var label in labels[memberOfRow[r]])
            {
                var histogram = counts[label];
                histogram[dataset.Ratings[r]] = histogram.GetValueOrDefault(dataset.Ratings[r]) + 1;
            }
        }
        return sizes.OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var histogram = counts[g.Key];
            var ratings = histogram.Values.Sum();
            IReadOnlyDictionary<double, double> shares = dataset.Scale.Values.ToDictionary(v => v, v => ratings == 0 ? 0 : histogram.GetValueOrDefault(v) / (double)ratings);
            return (g.Key, g.Value, ratings, shares);
        }).ToList();
    }
}
