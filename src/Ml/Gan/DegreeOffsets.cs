namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// One side's (users' or items') mean ratings as a function of degree: for the source's members ordered by degree,
/// largest first, each one's estimated offset from the mean rating and the standard deviation of that estimate
/// (<see cref="MemberOffsets"/>). A synthetic member at the same degree rank draws its target from them.
/// </summary>
/// <param name="Means">Each member's shrunk mean offset in rating units.</param>
/// <param name="Spreads">The posterior standard deviation of each offset: wide for a member with few ratings.</param>
public sealed record DegreeOffsets(double[] Means, double[] Spreads);
