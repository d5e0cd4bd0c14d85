namespace GanRsSandbox.Ml.SideInfo;

/// <summary>
/// Side information about a dataset's users (MovieLens' age, gender, occupation, zip, or any CSV's columns): one
/// value per attribute for every user, in the dataset's dense user order.
/// </summary>
/// <param name="Names">The attributes, in the file's column order.</param>
/// <param name="Values">For each attribute, one value per user (index = dense user index).</param>
public sealed record UserAttributes(IReadOnlyList<string> Names, IReadOnlyList<string[]> Values)
{
    /// <summary>An attribute with at most this many distinct values is a grouping one (gender, occupation); others (zip) are not.</summary>
    public const int MaxGroups = 32;

    public string[] Of(string attribute)
    {
        var index = Names.ToList().IndexOf(attribute);
        return index >= 0
            ? Values[index]
            : throw new ArgumentException($"no user attribute '{attribute}' (the file has {string.Join(", ", Names)})", nameof(attribute));
    }

    /// <summary>The attributes a dataset can be broken down by: at most <see cref="MaxGroups"/> distinct values.</summary>
    public IReadOnlyList<string> Categorical =>
        Names.Where((_, i) => Values[i].Distinct(StringComparer.Ordinal).Take(MaxGroups + 1).Count() <= MaxGroups).ToList();

    /// <summary>The users split by a categorical attribute (at most <see cref="MaxGroups"/> values), groups in ordinal order of their values.</summary>
    public UserGrouping Grouping(string attribute)
    {
        var values = Of(attribute);
        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length > MaxGroups)
        {
            throw new ArgumentException($"'{attribute}' has more than {MaxGroups} distinct values, so it does not split users into groups (categorical attributes: {string.Join(", ", Categorical)})", nameof(attribute));
        }
        var index = distinct.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        return new UserGrouping(attribute, distinct, Array.ConvertAll(values, v => index[v]));
    }
}
