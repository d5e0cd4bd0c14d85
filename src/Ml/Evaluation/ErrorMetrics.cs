namespace GanRsSandbox.Ml.Evaluation;

public static class ErrorMetrics
{
    public static (double Rmse, double Mae) Compute(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException("predicted and actual must have the same length");
        }
        if (predicted.Length == 0)
        {
            return (double.NaN, double.NaN);
        }
        double squared = 0, absolute = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var error = (double)predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.Abs(error);
        }
        return (Math.Sqrt(squared / predicted.Length), absolute / predicted.Length);
    }
}
