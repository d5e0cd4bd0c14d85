namespace GanRsSandbox.Ml.Experiments;

/// <summary>Where the grid is: the step, how far overall (by estimated work), and an ETA from the pace so far.</summary>
public sealed record ExperimentProgress(int Step, int Steps, double Fraction, string Message, TimeSpan Elapsed, TimeSpan? Eta);
