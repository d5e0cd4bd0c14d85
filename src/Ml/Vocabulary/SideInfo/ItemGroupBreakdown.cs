namespace GanRsSandbox.Ml.SideInfo;

/// <summary>A dataset's items broken down by the labels of one attribute (genres), most items first.</summary>
public sealed record ItemGroupBreakdown(string Attribute, IReadOnlyList<ItemGroup> Groups);
