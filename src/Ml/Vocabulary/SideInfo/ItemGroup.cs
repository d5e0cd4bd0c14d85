namespace GanRsSandbox.Ml.SideInfo;

/// <summary>
/// The items that carry one label of an attribute (a genre): how many, their share of the items, and their ratings'
/// histogram. An item may carry several labels, so an attribute's shares can sum to more than one.
/// </summary>
public sealed record ItemGroup(string Value, int Items, double Share, long Ratings, IReadOnlyDictionary<double, double> RatingShares) : IGroupFigures
{
    int IGroupFigures.Members => Items;
}
