namespace GanRsSandbox.Ml.SideInfo;

/// <summary>What a group of users or of items shows: its members, their share, their ratings and the ratings' histogram.</summary>
public interface IGroupFigures
{
    string Value { get; }

    /// <summary>The users (or items) in the group.</summary>
    int Members { get; }

    double Share { get; }

    long Ratings { get; }

    IReadOnlyDictionary<double, double> RatingShares { get; }
}
