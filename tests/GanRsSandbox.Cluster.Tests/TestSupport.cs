using System.Globalization;
using System.Text;
using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>A data directory of its own for each test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ganrs-cluster-").FullName;

    public int ArtifactCount => Directory.Exists(System.IO.Path.Combine(Path, "artifacts"))
        ? Directory.GetFiles(System.IO.Path.Combine(Path, "artifacts")).Count(f => !System.IO.Path.GetFileName(f).StartsWith('.'))
        : 0;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A silo still closing its database: the OS temp cleaner takes the rest.
        }
    }
}

internal static class SandboxTestCluster
{
    /// <summary>
    /// In-process silos sharing one SQLite file and artifact folder, as silos on one machine would, with membership
    /// tuned to declare a stopped silo dead within seconds.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(string dataDirectory, short silos = 1, string? cudaSilo = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHost(host => host.Services.Configure<ClusterMembershipOptions>(FastDeathDetection));
        builder.ConfigureSiloHost((silo, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:DataDirectory"] = dataDirectory,
            ["Sandbox:Device"] = silo.SiloName == cudaSilo ? "cuda" : "cpu",
        }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary()));
        builder.ConfigureSilo((_, silo) => silo.AddSqliteSandboxStorage().AddSandbox(silo.Configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Membership that declares a stopped or killed silo dead within seconds.</summary>
    public static void FastDeathDetection(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.MaxProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 1;
        options.NumVotesForDeathDeclaration = 1;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(5);
    }
}

internal static class Wait
{
    /// <summary>
    /// Polls a job until it ends. Calls may fail while the cluster notices a dead silo; those are retried until the
    /// deadline, which is generous because CI machines are slow, not because the outcome is uncertain.
    /// </summary>
    public static Task<JobInfo> ForJobAsync(IGrainFactory grains, string jobId, int seconds = 180) =>
        UntilAsync(async () => await grains.GetGrain<IJobGrain>(jobId).GetAsync() is { } job && job.State.IsFinished() ? job : null, seconds,
            $"job {jobId} to end");

    public static Task<JobInfo> ForJobStateAsync(IGrainFactory grains, string jobId, JobState state, int seconds = 120) =>
        UntilAsync(async () => await grains.GetGrain<IJobGrain>(jobId).GetAsync() is { } job && job.State == state ? job : null, seconds,
            $"job {jobId} to be {state}");

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, int seconds, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } done)
                {
                    return done;
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                last = e;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"gave up waiting for {what} after {seconds} s", last);
    }
}

internal static class TestFiles
{
    /// <summary>The demo dataset written as a MovieLens u.data file with 1-based ids, as a user would upload it.</summary>
    public static byte[] DemoAsUData(int seed = 3, int users = 120, int items = 90)
    {
        var data = DemoDataset.Create(seed, users, items);
        var text = new StringBuilder();
        for (var r = 0; r < data.Count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{data.Users[r] + 1}\t{data.Items[r] + 1}\t{data.Ratings[r]}\t881250949\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static int FreePort() => GanRsSandbox.Tests.Shared.TestSilo.FreePort();
}
