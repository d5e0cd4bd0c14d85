using System.Diagnostics;
using System.Net.Sockets;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>
/// The Azure Storage emulator (Azurite, from npm, installed into tests/azurite by this project's build), started in
/// memory on free loopback ports for one test class: blobs and tables, nothing kept after it stops.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    // Azurite's fixed development account; it is public and accepted by the emulator only.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int _blobPort = TestFiles.FreePort();
    private readonly int _tablePort = TestFiles.FreePort();
    private readonly int _queuePort = TestFiles.FreePort();
    private readonly TempDirectory _workspace = new();
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var azurite = Path.Combine(RepositoryFolder("tests/azurite"), "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: building this project runs npm ci in tests/azurite (needs Node.js and npm)");
        }
        // Azurite writes a debug log and its config beside the working directory; keep those out of the repository.
        _process = Process.Start(new ProcessStartInfo(azurite,
            $"--inMemoryPersistence --skipApiVersionCheck --loose --silent " +
            $"--blobHost 127.0.0.1 --blobPort {_blobPort} --tableHost 127.0.0.1 --tablePort {_tablePort} --queueHost 127.0.0.1 --queuePort {_queuePort}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace.Path,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in new[] { _blobPort, _tablePort })
        {
            await Wait.UntilAsync(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}");
                }
                using var socket = new TcpClient();
                try
                {
                    await socket.ConnectAsync("127.0.0.1", port);
                    return "listening";
                }
                catch (SocketException)
                {
                    return null;
                }
            }, 60, $"Azurite to listen on port {port}");
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    private static string RepositoryFolder(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
