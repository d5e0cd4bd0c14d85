namespace GanRsSandbox.Ml.SideInfo;

/// <summary>A dataset's users broken down by one categorical attribute, largest group first.</summary>
public sealed record GroupBreakdown(string Attribute, IReadOnlyList<UserGroup> Groups);
