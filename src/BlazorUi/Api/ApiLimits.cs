namespace GanRsSandbox.BlazorUi.Api;

/// <summary>The web host's limits, from the "Api" configuration section (README, Configuration).</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";

    /// <summary>
    /// The largest ratings file an upload may carry. MovieLens 25M's ratings.csv is 647 MiB. The file streams to the
    /// silo's disk as it arrives, so this bounds the silo's disk and parse time, not the web host's memory.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>API requests served at once; more wait in a queue of <see cref="QueuedRequests"/>, beyond which they get 503.</summary>
    public int ConcurrentRequests { get; set; } = 64;

    public int QueuedRequests { get; set; } = 512;

    /// <summary>Uploads at once: each parses on a silo into memory (about 1.5 GB for 25M ratings).</summary>
    public int ConcurrentUploads { get; set; } = 2;

    /// <summary>Room for the multipart envelope around the file.</summary>
    public const long MultipartOverhead = 64 * 1024;
}
