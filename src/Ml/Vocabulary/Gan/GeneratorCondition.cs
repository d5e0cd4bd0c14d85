namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// What a conditional generator (CGANRS) was conditioned on: a categorical user attribute and, per group, the
/// source's figures that sampling follows (or that a requested group share reweights).
/// </summary>
/// <param name="Values">The attribute's values; a group is an index into them.</param>
/// <param name="UserShares">Each group's share of the source's users.</param>
/// <param name="RatingVolumeShares">Each group's share of the source's ratings: how often the GAN saw its label.</param>
/// <param name="RatingShares">For each group, the shares of its ratings by rating class.</param>
/// <param name="UserDegrees">For each group, its users' degrees in the source.</param>
public sealed record GeneratorCondition(
    string Attribute,
    IReadOnlyList<string> Values,
    double[] UserShares,
    double[] RatingVolumeShares,
    double[][] RatingShares,
    int[][] UserDegrees)
{
    public int Groups => Values.Count;

    /// <summary>The group shares a request asks for, in this condition's group order; null asks for the source's.</summary>
    public double[] SharesFor(IReadOnlyDictionary<string, double>? requested)
    {
        if (requested is null)
        {
            return (double[])UserShares.Clone();
        }
        foreach (var value in requested.Keys)
        {
            if (!Values.Contains(value))
            {
                throw new ArgumentOutOfRangeException("group-shares", value, $"'{Attribute}' has no value '{value}' (it has {string.Join(", ", Values)})");
            }
        }
        return Values.Select(v => requested.TryGetValue(v, out var share) ? share : 0).ToArray();
    }
}
