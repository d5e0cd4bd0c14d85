namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// Distance to closest record: for each synthetic user, the distance to the nearest real user in
/// <see cref="Space"/> ("embedding": DeepMF user space; "profile": per-user rating profile). Near copies are
/// synthetic users closer to a real user than a tenth of the median real-to-real nearest-neighbour distance.
/// </summary>
public sealed record DcrReport(string Space, double P5, double Median, int NearCopies, double NearCopyThreshold, int SyntheticUsers);
