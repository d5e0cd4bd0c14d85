namespace GanRsSandbox.Ml.Gan;

/// <param name="Stage">pretrain or gan.</param>
public sealed record GanrsProgress(string Stage, long Step, long Steps, double? DiscriminatorLoss, double? GeneratorLoss, double? HeldRatingTvd, TimeSpan Elapsed)
{
    public double Fraction => Steps == 0 ? 1 : (double)Step / Steps;

    public TimeSpan? Eta => Step == 0 ? null : Elapsed * ((double)(Steps - Step) / Step);
}
