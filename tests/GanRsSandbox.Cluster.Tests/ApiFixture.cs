using GanRsSandbox.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>
/// A real silo (localhost clustering, SQLite, artifacts in a temporary folder) and the real web host connected to
/// it as an Orleans client, on free ports, shared by the API tests.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    /// <summary>Small, so that the 413 path can be tested without a large file, yet above one upload chunk (4 MiB).</summary>
    public const long UploadLimit = 12 * 1024 * 1024;

    private readonly TempDirectory _data = new();
    private IHost? _silo;

    /// <summary>Stands in for GroupLens: serves an ml-100k.zip that is not the published file.</summary>
    public LocalFileServer Publisher { get; } = new(new Dictionary<string, byte[]> { ["ml-100k.zip"] = "not the release"u8.ToArray() });
    private WebApplicationFactory<Program>? _web;

    public string DataDirectory => _data.Path;

    /// <summary>The silo's <c>Sandbox:ImportFolder</c>, for server-side imports.</summary>
    public string ImportFolder => System.IO.Path.Combine(_data.Path, "imports");

    /// <summary>Uploads in progress or abandoned on the silo: each must be gone once its request has been answered.</summary>
    public int StagedUploads => Directory.GetFiles(System.IO.Path.Combine(_data.Path, "artifacts"), ".incoming-upload-*").Length;

    public int ArtifactCount => _data.ArtifactCount;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider SiloServices => _silo!.Services;

    public IServiceProvider WebServices => _web!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ImportFolder);
        (_silo, var gatewayPort) = await TestSilo.StartAsync(_data.Path, settings: new Dictionary<string, string?> { ["Sandbox:ImportFolder"] = ImportFolder });
        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:GatewayPort", gatewayPort.ToString());
            web.UseSetting("Api:MaxUploadBytes", UploadLimit.ToString());
            web.UseSetting("Downloads:MovieLensBaseUrl", Publisher.BaseUrl.ToString());
        });
        Client = _web.CreateClient();
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
        await TestSilo.StopAsync(_silo);
        Publisher.Dispose();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
