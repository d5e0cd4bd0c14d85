namespace GanRsSandbox.Ml.SideInfo;

/// <summary>One group of users by an attribute's value: how many, their share, and the shares of their ratings by value.</summary>
public sealed record UserGroup(string Value, int Users, double Share, long Ratings, IReadOnlyDictionary<double, double> RatingShares) : IGroupFigures
{
    int IGroupFigures.Members => Users;
}
