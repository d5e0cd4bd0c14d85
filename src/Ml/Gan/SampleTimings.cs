namespace GanRsSandbox.Ml.Gan;

public sealed record SampleTimings(double Sample, double Cluster, double Total);
