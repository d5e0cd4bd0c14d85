using System.Diagnostics;
using GanRsSandbox.BlazorUi;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;
using GanRsSandbox.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>
/// The scale-out configuration: two silos that find each other through Redis clustering and keep grain state in
/// Redis, against a real redis-server this test starts (.ci/run installs Debian's redis-server).
/// </summary>
public sealed class RedisClusterTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly int _redisPort = TestFiles.FreePort();
    private Process? _redis;

    public async Task InitializeAsync()
    {
        var server = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (.ci/run does)");
        _redis = Process.Start(new ProcessStartInfo(server, $"--port {_redisPort} --bind 127.0.0.1 --save \"\" --appendonly no --dir {_data.Path}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        await Wait.UntilAsync(async () =>
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redisPort},abortConnect=false,connectTimeout=500");
            return connection.IsConnected ? connection.GetDatabase().Ping().ToString() : null;
        }, 30, "redis-server to answer");
    }

    public Task DisposeAsync()
    {
        _redis?.Kill();
        _redis?.WaitForExit();
        _redis?.Dispose();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_silos_share_a_cluster_and_state_through_redis()
    {
        var redis = $"127.0.0.1:{_redisPort}";
        using var first = await StartSiloAsync(redis);
        using var second = await StartSiloAsync(redis);
        using var client = await StartClientAsync(redis);
        var grains = client.Services.GetRequiredService<IClusterClient>();

        var hosts = await Wait.UntilAsync(async () =>
        {
            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return active.Count == 2 ? active : null;
        }, 60, "both silos to be active");
        Assert.Equal(2, hosts.Count);

        await grains.GetGrain<IDatasetGrain>("ds-redis").CreateDemoAsync("demo", seed: 8);
        var job = await grains.GetGrain<IModelGrain>("model-redis").TrainAsync(new ModelRequest
        {
            DatasetId = "ds-redis", Kind = BaselineKind.DeepMf, Options = new ModelSettings { Epochs = 2 },
        });
        Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(grains, job.Id)).State);
        Assert.Equal(5, (await grains.GetGrain<IModelGrain>("model-redis").RecommendAsync("1", 5)).Count);

        using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var keys = connection.GetServer(redis).Keys(pattern: "*").Select(k => k.ToString()).ToList();
        Assert.Contains(keys, k => k.Contains("ds-redis", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains("model-redis", StringComparison.Ordinal));

        // One silo leaves; the other serves the same state from Redis.
        await first.StopAsync();
        var model = await Wait.UntilAsync(() => grains.GetGrain<IModelGrain>("model-redis").GetAsync(), 60, "the model after a silo left");
        Assert.Equal(ResourceStatus.Ready, model.Status);
        Assert.Equal(5, (await grains.GetGrain<IModelGrain>("model-redis").RecommendAsync("1", 5)).Count);
    }

    private async Task<IHost> StartSiloAsync(string redis)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "redis",
            ["Cluster:Redis"] = redis,
            ["Cluster:SiloPort"] = TestFiles.FreePort().ToString(),
            ["Cluster:GatewayPort"] = TestFiles.FreePort().ToString(),
            ["Sandbox:DataDirectory"] = _data.Path,
            ["Sandbox:Device"] = "cpu",
        });
        builder.UseOrleans(silo => SiloSetup.Configure(silo, builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClientAsync(string redis)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "redis",
            ["Cluster:Redis"] = redis,
        });
        builder.UseOrleansClient(client => ClusterConnection.Configure(client, builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
