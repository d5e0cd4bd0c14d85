namespace GanRsSandbox.Grains;

/// <summary>The silo's settings, from the "Sandbox" configuration section (README, Configuration).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Holds grain state (sandbox.db) and the artifacts folder. In a multi-silo cluster it must be a shared path.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Heavy jobs (training, sampling) that run at once on this silo; the rest wait, queued.</summary>
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>auto (CUDA when libtorch sees a GPU), cpu or cuda. The silo publishes the result for placement.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>How often the artifact sweep frees files that no resource refers to any more (also once at start).</summary>
    public int ArtifactSweepMinutes { get; set; } = 60;

    /// <summary>Files younger than this are never swept: a job stores its file a moment before its state names it.</summary>
    public double ArtifactGraceMinutes { get; set; } = 10;

    /// <summary>
    /// A folder whose files a user may import by name, without uploading them (<c>serverPath</c>); unset, that is off.
    /// In a multi-silo cluster it must be the same path on every silo, like <see cref="DataDirectory"/>.
    /// </summary>
    public string? ImportFolder { get; set; }
}
