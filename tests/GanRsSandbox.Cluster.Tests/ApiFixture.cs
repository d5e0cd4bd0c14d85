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
    /// <summary>Small, so that the 413 path can be tested without a large file.</summary>
    public const long UploadLimit = 2 * 1024 * 1024;

    private readonly TempDirectory _data = new();
    private IHost? _silo;
    private WebApplicationFactory<Program>? _web;

    public string DataDirectory => _data.Path;

    public int ArtifactCount => _data.ArtifactCount;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider SiloServices => _silo!.Services;

    public IServiceProvider WebServices => _web!.Services;

    public async Task InitializeAsync()
    {
        (_silo, var gatewayPort) = await TestSilo.StartAsync(_data.Path);
        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:GatewayPort", gatewayPort.ToString());
            web.UseSetting("Api:MaxUploadBytes", UploadLimit.ToString());
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
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
