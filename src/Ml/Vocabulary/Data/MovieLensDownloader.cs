using System.IO.Compression;
using System.Security.Cryptography;
using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Fetches a MovieLens archive, only ever on a user's explicit request, and keeps it only if it is byte for byte the
/// published file: its size is checked as it streams and its SHA-256 at the end. It lives with the vocabulary, not the
/// engine, because the command line and the web host both fetch and neither needs the maths for it.
/// </summary>
public sealed class MovieLensDownloader(HttpClient http)
{
    /// <summary>How long a whole download may take before it is given up; ml-25m is 262 MB.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private const int BufferBytes = 1 << 20;

    /// <summary>
    /// Downloads the archive into <paramref name="folder"/> and returns its path. An archive already there that hashes
    /// right is kept without a download; a damaged or foreign one is replaced.
    /// </summary>
    public async Task<string> DownloadAsync(MovieLensSource source, Uri baseUrl, string folder, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var final = Path.Combine(folder, source.Archive);
        if (File.Exists(final) && new FileInfo(final).Length == source.Bytes && await HashAsync(final, cancellationToken) == source.Sha256)
        {
            progress?.Report(new StageProgress(StageNames.Download, source.Bytes, source.Bytes));
            return final;
        }
        var url = new Uri(baseUrl, source.Archive);
        var partial = final + ".part";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new DownloadException($"{url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase} for {source.Archive}");
            }
            if (response.Content.Headers.ContentLength is { } announced && announced != source.Bytes)
            {
                throw new DownloadException($"{source.Archive} is {announced:N0} bytes on {url.Host}, not the published {source.Bytes:N0}; nothing was kept");
            }
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long received = 0;
            await using (var body = await response.Content.ReadAsStreamAsync(timeout.Token))
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferBytes];
                int read;
                while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
                {
                    received += read;
                    if (received > source.Bytes)
                    {
                        throw new DownloadException($"{source.Archive} from {url.Host} runs past the published {source.Bytes:N0} bytes; nothing was kept");
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), timeout.Token);
                    progress?.Report(new StageProgress(StageNames.Download, received, source.Bytes));
                }
            }
            if (received != source.Bytes)
            {
                throw new DownloadException($"{source.Archive} from {url.Host} ended after {received:N0} of {source.Bytes:N0} bytes; nothing was kept");
            }
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != source.Sha256)
            {
                throw new DownloadException($"{source.Archive} from {url.Host} has SHA-256 {actual}, not the published {source.Sha256}: it is damaged or not the release; nothing was kept");
            }
            File.Move(partial, final, overwrite: true);
            return final;
        }
        catch (HttpRequestException e)
        {
            throw new DownloadException($"could not download {url}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadException($"the download of {url} took longer than {Timeout.TotalMinutes:0} minutes", e);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Unpacks the whole archive into <paramref name="folder"/> (the release's own folder appears inside it) and returns the ratings file's path.</summary>
    public static string Extract(string archive, MovieLensSource source, string folder)
    {
        try
        {
            // Refuses entries that would land outside the folder.
            ZipFile.ExtractToDirectory(archive, folder, overwriteFiles: true);
        }
        catch (InvalidDataException e)
        {
            throw new DownloadException($"{source.Archive} is not a readable zip archive: {e.Message}", e);
        }
        var ratings = Path.Combine(folder, source.RatingsEntry);
        return File.Exists(ratings) ? ratings : throw new DownloadException($"{source.Archive} holds no {source.RatingsEntry}");
    }

    /// <summary>Unpacks only the ratings file into <paramref name="folder"/> and returns its path: all the sandbox imports.</summary>
    public static string ExtractRatings(string archive, MovieLensSource source, string folder)
    {
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var entry = zip.GetEntry(source.RatingsEntry) ?? throw new DownloadException($"{source.Archive} holds no {source.RatingsEntry}");
            var path = Path.Combine(folder, Path.GetFileName(source.RatingsEntry));
            entry.ExtractToFile(path, overwrite: true);
            return path;
        }
        catch (InvalidDataException e)
        {
            throw new DownloadException($"{source.Archive} is not a readable zip archive: {e.Message}", e);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
