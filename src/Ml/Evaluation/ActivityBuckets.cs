using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// Users by how much they rate: the fifth with the fewest ratings are <c>cold</c>, the fifth with the most
/// <c>heavy</c>, the rest <c>regular</c>. Quantiles rather than fixed counts, so the buckets mean the same on any
/// dataset (MovieLens has no user under 20 ratings; a cold-start scenario has a third under 5).
/// </summary>
public static class ActivityBuckets
{
    public const string Attribute = "activity";

    public const double ColdShare = 0.2;

    public const double HeavyShare = 0.2;

    public static UserGrouping Of(RatingsDataset data)
    {
        var degrees = DatasetStats.Degrees(data.Users, data.UserCount);
        var sorted = degrees.Order().ToArray();
        var coldMax = sorted[Math.Clamp((int)Math.Ceiling(ColdShare * sorted.Length) - 1, 0, sorted.Length - 1)];
        var heavyMin = sorted[Math.Clamp((int)Math.Floor((1 - HeavyShare) * sorted.Length), 0, sorted.Length - 1)];
        var groups = Array.ConvertAll(degrees, d => d <= coldMax ? 0 : d >= heavyMin && heavyMin > coldMax ? 2 : 1);
        return new UserGrouping(Attribute, ["cold", "regular", "heavy"], groups);
    }
}
