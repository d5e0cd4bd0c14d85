namespace GanRsSandbox.Ml.Evaluation;

/// <summary>A model's precision/recall/F1 curve on one segment of the users (a group by an attribute, or an activity bucket).</summary>
/// <param name="Users">The segment's users with test ratings.</param>
public sealed record SegmentCurve(string Attribute, string Value, int Users, IReadOnlyList<CurvePoint> Points);
