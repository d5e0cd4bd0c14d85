namespace GanRsSandbox.Ml.Models;

public sealed record TrainingReport(int Epochs, int BatchSize, double Seconds, double SamplesPerSecond, double[] EpochLosses);
