namespace GanRsSandbox.Cli;

public sealed record SecondsJson(double Pretrain, double Gan, double Sample, double Cluster, double Total);
