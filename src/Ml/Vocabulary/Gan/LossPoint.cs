namespace GanRsSandbox.Ml.Gan;

/// <summary>The discriminator's and the generator's loss at one GAN iteration.</summary>
public sealed record LossPoint(int Iteration, double DiscriminatorLoss, double GeneratorLoss);
