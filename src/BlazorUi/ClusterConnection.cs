using Azure.Data.Tables;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Shared;
using Orleans.Dashboard;
using StackExchange.Redis;

namespace GanRsSandbox.BlazorUi;

/// <summary>
/// How the web host finds the cluster, from the "Cluster" section: localhost clustering on a gateway port (the
/// embedded default), Redis or Azure Table clustering (scale-out), the same choice the silos make.
/// </summary>
public static class ClusterConnection
{
    public static void Configure(IClientBuilder client, IConfiguration configuration)
    {
        var section = configuration.GetSection("Cluster");
        switch (section["Mode"]?.ToLowerInvariant())
        {
            case null or "" or "localhost":
                client.UseLocalhostClustering(section.GetValue("GatewayPort", 30000));
                break;
            case "redis":
                var redis = section["Redis"] ?? configuration.GetConnectionString("redis")
                    ?? throw new InvalidOperationException("Cluster:Mode is redis but Cluster:Redis (a connection string such as localhost:6379) is not set");
                client.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                break;
            case "azure":
                var account = section["AzureStorage"] ?? configuration.GetConnectionString("azure")
                    ?? throw new InvalidOperationException("Cluster:Mode is azure but Cluster:AzureStorage (an Azure Storage connection string) is not set");
                client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(account));
                break;
            case var other:
                throw new InvalidOperationException($"Cluster:Mode: unknown clustering '{other}' (localhost, redis or azure)");
        }
        // The web host may start before the silo, or outlive it: keep trying, and answer 503 meanwhile.
        client.AddMemoryStreams(SandboxStreams.Provider);
        client.Services.AddSingleton<GrainCallCounter>();
        client.Services.AddSingleton<IOutgoingGrainCallFilter>(services => services.GetRequiredService<GrainCallCounter>());
        // The dashboard's client side reports the web host's own call counters to the silos; once every five minutes is
        // enough for them, and keeps an idle sandbox quiet (pages are pushed their changes and never poll).
        client.AddDashboard(dashboard => dashboard.CounterUpdateIntervalMs = (int)TimeSpan.FromMinutes(5).TotalMilliseconds);
        client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        });
        client.Configure<Orleans.Configuration.ClusterOptions>(options =>
        {
            options.ClusterId = section["ClusterId"] ?? "ganrs";
            options.ServiceId = section["ServiceId"] ?? "ganrs";
        });
    }
}
