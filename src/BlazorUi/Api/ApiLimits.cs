namespace GanRsSandbox.BlazorUi.Api;

/// <summary>The web host's limits, from the "Api" configuration section (README, Configuration).</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";

    /// <summary>The largest ratings file an upload may carry. MovieLens 1M's ratings.dat is 24 MB.</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>API requests served at once; more wait in a queue of <see cref="QueuedRequests"/>, beyond which they get 503.</summary>
    public int ConcurrentRequests { get; set; } = 64;

    public int QueuedRequests { get; set; } = 512;

    /// <summary>Uploads parsed at once: each holds its file in memory.</summary>
    public int ConcurrentUploads { get; set; } = 2;

    /// <summary>Room for the multipart envelope around the file.</summary>
    public const long MultipartOverhead = 64 * 1024;
}
