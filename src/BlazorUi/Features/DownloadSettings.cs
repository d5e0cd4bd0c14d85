using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>Where the web host fetches well-known datasets from, from the "Downloads" section (README, Configuration).</summary>
public sealed class DownloadSettings
{
    public const string Section = "Downloads";

    /// <summary>GroupLens' server by default; a mirror (or, in the tests, a loopback server) with the same file names can stand in.</summary>
    public string MovieLensBaseUrl { get; set; } = MovieLensReleases.DefaultBaseUrl;

    public Uri BaseUri => MovieLensReleases.BaseUri(MovieLensBaseUrl)
        ?? throw new InvalidOperationException($"Downloads:MovieLensBaseUrl: '{MovieLensBaseUrl}' is not an http or https address");
}
