namespace GanRsSandbox.Grains;

/// <summary>The silo's settings, from the "Sandbox" configuration section (README, Configuration).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>
    /// Holds grain state (sandbox.db) and the artifacts folder. In a multi-silo cluster it must be a shared path, unless
    /// <see cref="ArtifactBlobs"/> keeps the artifacts.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The cores this silo's jobs share (0: every core of the machine). A job takes those it keeps busy: one for a
    /// training at batch 256 or less, all of them for sampling and grids; the rest wait, queued, in order.
    /// </summary>
    public int JobCores { get; set; }

    /// <summary>The most cores a silo may give its jobs.</summary>
    public const int MaxJobCores = 1024;

    /// <summary>An optional cap on the jobs that run at once on this silo, whatever cores they need (0: no cap beyond the cores).</summary>
    public int MaxConcurrentJobs { get; set; }

    /// <summary>
    /// A connection string to Azure Blob Storage (or Azurite). Set, artifacts live in <see cref="ArtifactContainer"/> and
    /// each silo's data directory only caches them, so silos on several machines need no shared disk.
    /// </summary>
    public string? ArtifactBlobs { get; set; }

    /// <summary>The blob container that holds the artifacts when <see cref="ArtifactBlobs"/> is set.</summary>
    public string ArtifactContainer { get; set; } = "ganrs-artifacts";

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
