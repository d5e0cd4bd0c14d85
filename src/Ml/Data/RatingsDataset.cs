namespace GanRsSandbox.Ml.Data;

/// <summary>
/// A ratings dataset in columnar form. Users and items are dense 0-based indices; the ids they had in the
/// source file are kept in <see cref="UserIds"/> and <see cref="ItemIds"/> so results can be reported in them.
/// </summary>
public sealed class RatingsDataset
{
    public RatingsDataset(string name, int[] users, int[] items, float[] ratings, string[] userIds, string[] itemIds, RatingScale scale)
    {
        if (users.Length != items.Length || users.Length != ratings.Length)
        {
            throw new ArgumentException("users, items and ratings must have the same length");
        }
        Name = name;
        Users = users;
        Items = items;
        Ratings = ratings;
        UserIds = userIds;
        ItemIds = itemIds;
        Scale = scale;
    }

    public string Name { get; }

    public int[] Users { get; }

    public int[] Items { get; }

    public float[] Ratings { get; }

    public string[] UserIds { get; }

    public string[] ItemIds { get; }

    public RatingScale Scale { get; }

    public int Count => Ratings.Length;

    public int UserCount => UserIds.Length;

    public int ItemCount => ItemIds.Length;

    /// <summary>Builds a dataset from dense indices whose ids are the indices themselves (synthetic data).</summary>
    public static RatingsDataset FromIndices(string name, int[] users, int[] items, float[] ratings, int userCount, int itemCount, RatingScale scale)
    {
        var userIds = Enumerable.Range(0, userCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var itemIds = Enumerable.Range(0, itemCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new RatingsDataset(name, users, items, ratings, userIds, itemIds, scale);
    }
}
