namespace GanRsSandbox.Ml.Gan;

public sealed record LossPoint(int Iteration, double DiscriminatorLoss, double GeneratorLoss);
