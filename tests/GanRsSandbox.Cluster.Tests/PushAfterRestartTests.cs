using System.Collections.Concurrent;
using System.Net.Http.Json;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Shared;
using GanRsSandbox.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>A web host that stays up while its silo restarts keeps hearing of changes: its one subscription is kept in the silo's storage.</summary>
public sealed class PushAfterRestartTests
{
    [Fact]
    public async Task Changes_reach_the_web_host_after_the_silo_restarts()
    {
        using var data = new TempDirectory();
        var ports = (TestSilo.FreePort(), TestSilo.FreePort());
        var (silo, gateway) = await TestSilo.StartAsync(data.Path, ports: ports);
        await using var web = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Cluster:GatewayPort", gateway.ToString()));
        using var http = web.CreateClient();
        var heard = new ConcurrentQueue<SandboxEvent>();
        var signal = new SemaphoreSlim(0);
        web.Services.GetRequiredService<ISandboxEvents>().Changed += change =>
        {
            heard.Enqueue(change);
            signal.Release();
        };
        try
        {
            var first = await CreateDemoAsync(http, "before");
            await UntilHeard(first);

            await TestSilo.StopAsync(silo);
            (silo, _) = await TestSilo.StartAsync(data.Path, ports: ports);

            var second = await CreateDemoAsync(http, "after");
            await UntilHeard(second);
        }
        finally
        {
            await TestSilo.StopAsync(silo);
        }

        async Task UntilHeard(string datasetId)
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!heard.Any(e => e.Kind == RegistryEntryKind.Dataset && e.Id == datasetId))
            {
                var left = until - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, $"dataset {datasetId} was not heard of: {string.Join("; ", heard.Select(e => $"{e.Kind} {e.Id}"))}");
                await signal.WaitAsync(left);
            }
        }
    }

    /// <summary>Creates the demo source, retrying while the web host's client reconnects to the restarted silo.</summary>
    private static async Task<string> CreateDemoAsync(HttpClient http, string name)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var created = await http.PostAsJsonAsync("/api/datasets/demo", new { name, seed = 2 });
            if (created.IsSuccessStatusCode)
            {
                return (string)System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
            }
            Assert.True(DateTime.UtcNow < until, $"the web host did not reach the restarted silo: {(int)created.StatusCode}");
            await Task.Delay(250);
        }
    }
}
