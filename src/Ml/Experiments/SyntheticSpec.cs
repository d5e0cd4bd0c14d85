namespace GanRsSandbox.Ml.Experiments;

/// <summary>Which synthetic dataset a grid row is, and which of the paper's comparisons it takes part in.</summary>
public sealed record SyntheticSpec(string Key, int Users, int Items, long Samples, double NoiseStd, bool InSampleSweep)
{
    /// <summary>The name a grid row gets from its size, such as ganrs-2000u-800k.</summary>
    public static string KeyFor(int users, long samples) => $"ganrs-{users}u-{ExperimentAnalysis.Samples(samples).ToLowerInvariant()}";

    /// <summary>The same row with its samples scaled, named after its new size.</summary>
    public SyntheticSpec Scaled(double scale)
    {
        // Every cluster needs a member: a dataset keeps at least as many samples as it has users and items.
        var samples = Math.Max(Math.Max(Users, Items), (long)(Samples * scale));
        return this with { Key = KeyFor(Users, samples), Samples = samples };
    }
}
