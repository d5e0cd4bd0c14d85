using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Tests.Shared;

namespace GanRsSandbox.Ml.Tests;

/// <summary>Downloads from a loopback server: a file is kept only if it is exactly the published one.</summary>
public sealed class MovieLensDownloaderTests : IDisposable
{
    private const string Ratings = "userId,movieId,rating,timestamp\n1,1,4.5,964982703\n1,3,4.0,964981247\n2,1,0.5,964982224\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-download-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A small archive shaped like ml-latest-small.zip, and the source entry that describes it truthfully.</summary>
    private static (byte[] Zip, MovieLensSource Source) Archive()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("ml-latest-small/ratings.csv", Ratings), ("ml-latest-small/README.txt", "terms") })
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(text);
            }
        }
        var bytes = buffer.ToArray();
        var published = MovieLensRelease.MlLatestSmall.Source();
        return (bytes, published with { Bytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) });
    }

    [Fact]
    public async Task The_published_file_is_kept_unpacked_and_imports_with_its_half_stars()
    {
        var (zip, source) = Archive();
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { [source.Archive] = zip });
        using var http = new HttpClient();

        var archive = await new MovieLensDownloader(http).DownloadAsync(source, server.BaseUrl, _folder);
        var ratings = MovieLensDownloader.Extract(archive, source, _folder);

        Assert.Equal(zip, await File.ReadAllBytesAsync(archive));
        Assert.Equal(Path.Combine(_folder, "ml-latest-small", "ratings.csv"), ratings);
        var data = RatingsImporter.ImportFile(ratings);
        Assert.Equal((3, 0.5), (data.Count, data.Scale.Step));
        Assert.Equal(Ratings, await File.ReadAllTextAsync(MovieLensDownloader.ExtractRatings(archive, source, Directory.CreateTempSubdirectory().FullName)));

        // Already there and verified: no second download.
        await new MovieLensDownloader(http).DownloadAsync(source, server.BaseUrl, _folder);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_file_that_is_not_the_published_one_is_refused_and_nothing_is_kept()
    {
        var (zip, source) = Archive();
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { [source.Archive] = zip });
        using var http = new HttpClient();
        var downloader = new MovieLensDownloader(http);

        // The real release's checksum and size against this small archive.
        var wrongSize = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(MovieLensRelease.MlLatestSmall.Source(), server.BaseUrl, _folder));
        Assert.Contains("not the published 978,202", wrongSize.Message);
        var tampered = source with { Sha256 = new string('0', 64) };
        var wrongHash = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(tampered, server.BaseUrl, _folder));
        Assert.Contains($"has SHA-256 {source.Sha256}, not the published {tampered.Sha256}", wrongHash.Message);
        var missing = await Assert.ThrowsAsync<DownloadException>(() => downloader.DownloadAsync(source with { Archive = "ml-1m.zip" }, server.BaseUrl, _folder));
        Assert.Contains("answered 404", missing.Message);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_damaged_archive_or_one_without_its_ratings_file_says_so()
    {
        var junk = Encoding.UTF8.GetBytes("this is not a zip archive");
        var source = MovieLensRelease.Ml100K.Source() with { Bytes = junk.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(junk)) };
        using var server = new LocalFileServer(new Dictionary<string, byte[]> { [source.Archive] = junk });
        using var http = new HttpClient();
        var archive = await new MovieLensDownloader(http).DownloadAsync(source, server.BaseUrl, _folder);

        Assert.Contains("not a readable zip archive", Assert.Throws<DownloadException>(() => MovieLensDownloader.Extract(archive, source, _folder)).Message);
        var (zip, other) = Archive();
        await File.WriteAllBytesAsync(archive, zip);
        Assert.Contains("holds no ml-100k/u.data", Assert.Throws<DownloadException>(() => MovieLensDownloader.ExtractRatings(archive, source, _folder)).Message);
        _ = other;
    }

    [Fact]
    public void Every_release_names_its_archive_size_checksum_and_ratings_file()
    {
        foreach (var release in Enum.GetValues<MovieLensRelease>())
        {
            var source = release.Source();
            Assert.Equal(release.Name() + ".zip", source.Archive);
            Assert.Matches("^[0-9a-f]{64}$", source.Sha256);
            Assert.StartsWith(release.Name() + "/", source.RatingsEntry);
            Assert.InRange(source.Bytes, 1, MovieLensReleases.MaxBytes);
        }
        Assert.Contains("research use only", MovieLensReleases.Licence);
    }
}
