namespace GanRsSandbox.Ml.Gan;

/// <summary>How the matched variant built who-rates-what: the size asked for, and how many pairs the GAN's own samples chose.</summary>
public sealed record StructureReport(long RequestedRatings, int PairsFromSamples, int FilledPairs, int Swaps);
