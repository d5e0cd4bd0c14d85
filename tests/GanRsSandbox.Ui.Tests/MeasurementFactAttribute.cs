namespace GanRsSandbox.Ui.Tests;

/// <summary>
/// A measurement rather than a test: it takes minutes and reports figures instead of asserting a fixed outcome, so it
/// runs only when GANRS_MEASURE is set (bench/push.sh sets it) and shows as skipped otherwise.
/// </summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("GANRS_MEASURE") is null)
        {
            Skip = "a measurement: bench/push.sh runs it";
        }
    }
}
