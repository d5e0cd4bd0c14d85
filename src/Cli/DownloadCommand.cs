using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

/// <summary><c>ganrs download</c>: fetches a MovieLens release on the user's request, checks it against its published checksum, and unpacks it.</summary>
internal static class DownloadCommand
{
    public static readonly CommandSpec Spec = new("download",
        $"fetch a MovieLens release ({NamedValues.Listed<MovieLensRelease>()}) from GroupLens, verify its SHA-256 and unpack it. {MovieLensReleases.Licence}",
        ["RELEASE"],
        [
            new("out", "the folder to download and unpack into (created if missing)"),
            OptionSpec.Of("base-url", "where the archives are published; a mirror with the same file names can stand in", MovieLensReleases.DefaultBaseUrl),
        ],
        Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var name = line.Positional(0, $"the RELEASE ({NamedValues.Listed<MovieLensRelease>()})");
        if (!NamedValues.TryParse<MovieLensRelease>(name, out var release))
        {
            throw new UsageException($"'{name}' is not a MovieLens release this command knows ({NamedValues.Listed<MovieLensRelease>()})");
        }
        var folder = line.String("out") ?? throw new UsageException("--out DIR is required: the folder to download into");
        var baseText = line.String("base-url")!;
        var baseUrl = MovieLensReleases.BaseUri(baseText) ?? throw new UsageException($"--base-url: '{baseText}' is not an http or https address");
        var source = release.Source();
        stderr.WriteLine(MovieLensReleases.Licence);
        string archive;
        using (var http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan })
        using (var console = new ConsoleProgress(stderr))
        {
            // The downloader bounds the whole transfer by its own timeout.
            archive = new MovieLensDownloader(http).DownloadAsync(source, baseUrl, folder, console.Stages()).GetAwaiter().GetResult();
        }
        var ratings = MovieLensDownloader.Extract(archive, source, folder);
        stdout.WriteLine($"{source.Name}: {source.Bytes:N0} bytes, SHA-256 verified; ratings in {ratings}");
        return GanrsCli.Ok;
    }
}
