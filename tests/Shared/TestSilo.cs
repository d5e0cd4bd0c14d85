using GanRsSandbox.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GanRsSandbox.Tests.Shared;

/// <summary>
/// A real silo host for tests that talk to it as a client (the web host, a browser): localhost clustering on free
/// ports, SQLite state and artifacts in the given folder, configured exactly as the Silo program does.
/// </summary>
public static class TestSilo
{
    public static async Task<(IHost Silo, int GatewayPort)> StartAsync(string dataDirectory, ILoggerProvider? logs = null, (int Silo, int Gateway)? ports = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var gatewayPort = ports?.Gateway ?? FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:SiloPort"] = (ports?.Silo ?? FreePort()).ToString(),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(),
            ["Sandbox:DataDirectory"] = dataDirectory,
            ["Sandbox:Device"] = "cpu",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.UseOrleans(silo => SiloSetup.Configure(silo, builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return (host, gatewayPort);
    }

    public static async Task StopAsync(IHost? silo)
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    public static int FreePort() => TestPorts.Next();
}
