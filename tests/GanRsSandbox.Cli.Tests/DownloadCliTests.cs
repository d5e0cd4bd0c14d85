using GanRsSandbox.Tests.Shared;

namespace GanRsSandbox.Cli.Tests;

/// <summary><c>ganrs download</c> against a loopback server standing in for GroupLens: nothing reaches the internet.</summary>
public sealed class DownloadCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-download-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (GanrsCli.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_file_that_is_not_the_published_release_fails_with_exit_code_4_and_leaves_nothing()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { ["ml-1m.zip"] = new byte[5_917_549] });

        var (code, _, err) = Run("download", "ml-1m", "--out", _folder, "--base-url", server.BaseUrl.ToString());

        Assert.Equal(GanrsCli.DownloadFailed, code);
        Assert.Contains("research use only", err);
        Assert.Contains("has SHA-256 ", err);
        Assert.Contains("not the published a6898adb50b9", err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void A_server_without_the_file_is_named_with_its_answer()
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]>());

        var (code, _, err) = Run("download", "ml-latest-small", "--out", _folder, "--base-url", server.BaseUrl.ToString());

        Assert.Equal(GanrsCli.DownloadFailed, code);
        Assert.Contains("answered 404 Not Found for ml-latest-small.zip", err);
    }

    [Theory]
    [InlineData("ml-50m", "--out", "x", "is not a MovieLens release")]
    [InlineData("ml-100k", "--base-url", "ftp://mirror/", "--out DIR is required")]
    public void Bad_arguments_exit_with_2_before_any_request(string release, string option, string value, string message)
    {
        using var server = new LocalFileServer(new Dictionary<string, byte[]>());
        var (code, _, err) = Run("download", release, option, value);
        Assert.Equal(GanrsCli.BadArguments, code);
        Assert.Contains(message, err);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_refused()
    {
        var (code, _, err) = Run("download", "ml-100k", "--out", _folder, "--base-url", "ftp://mirror/movielens/");
        Assert.Equal(GanrsCli.BadArguments, code);
        Assert.Contains("is not an http or https address", err);
    }
}
