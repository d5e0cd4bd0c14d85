namespace GanRsSandbox.Ml.Models;

public sealed record TrainingProgress(int Epoch, int Epochs, long Step, long Steps, double Loss, TimeSpan Elapsed)
{
    public double Fraction => Steps == 0 ? 1 : (double)Step / Steps;

    public TimeSpan? Eta => Step == 0 ? null : Elapsed * ((double)(Steps - Step) / Step);
}
