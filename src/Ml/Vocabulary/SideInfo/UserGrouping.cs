namespace GanRsSandbox.Ml.SideInfo;

/// <summary>A dataset's users split by one categorical attribute: the group of every user, in dense user order.</summary>
/// <param name="Values">The attribute's values, in ordinal order; a group is an index into them.</param>
/// <param name="GroupOfUser">One group index per user.</param>
public sealed record UserGrouping(string Attribute, IReadOnlyList<string> Values, int[] GroupOfUser)
{
    public int Groups => Values.Count;

    /// <summary>How many users each group has.</summary>
    public int[] Sizes()
    {
        var sizes = new int[Values.Count];
        foreach (var g in GroupOfUser)
        {
            sizes[g]++;
        }
        return sizes;
    }

    /// <summary>The group index of a value, or an error listing the values there are.</summary>
    public int IndexOf(string value)
    {
        var index = Values.ToList().IndexOf(value);
        return index >= 0 ? index
            : throw new ArgumentException($"'{Attribute}' has no value '{value}' (it has {string.Join(", ", Values)})");
    }
}
