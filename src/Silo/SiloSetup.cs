using System.Net;
using GanRsSandbox.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Azure.Data.Tables;
using GanRsSandbox.Grains;
using StackExchange.Redis;

namespace GanRsSandbox.Silo;

/// <summary>
/// The silo's clustering and storage, from the "Cluster" configuration section (README, Configuration and Scaling out):
/// localhost clustering with SQLite state (the embedded default), Redis clustering with Redis state (scale-out on a
/// shared disk), or Azure Table clustering and state with artifacts in Azure Blob Storage (scale-out that shares nothing
/// but the storage account).
/// </summary>
public static class SiloSetup
{
    /// <summary>Command-line switches, next to the generic Section:Key=value form.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--data-dir"] = "Sandbox:DataDirectory",
        ["--device"] = "Sandbox:Device",
        ["--max-jobs"] = "Sandbox:MaxConcurrentJobs",
        ["--job-cores"] = "Sandbox:JobCores",
        ["--clustering"] = "Cluster:Mode",
        ["--redis"] = "Cluster:Redis",
        ["--azure-storage"] = "Cluster:AzureStorage",
        ["--silo-port"] = "Cluster:SiloPort",
        ["--gateway-port"] = "Cluster:GatewayPort",
        ["--primary-silo-port"] = "Cluster:PrimarySiloPort",
    };

    public static void Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection("Cluster");
        var serviceId = cluster["ServiceId"] ?? "ganrs";
        var clusterId = cluster["ClusterId"] ?? "ganrs";
        var siloPort = cluster.GetValue("SiloPort", 11111);
        var gatewayPort = cluster.GetValue("GatewayPort", 30000);
        var clustering = cluster["Mode"]?.ToLowerInvariant() ?? "localhost";
        switch (clustering)
        {
            case "localhost":
                // A second silo on the same machine names the first one's silo port as its primary.
                var primary = cluster.GetValue<int?>("PrimarySiloPort") is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null;
                silo.UseLocalhostClustering(siloPort, gatewayPort, primary, serviceId, clusterId);
                break;
            case "redis":
                var redis = RedisConnection(configuration);
                silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                ConfigureSharedCluster(silo, cluster, serviceId, clusterId, siloPort, gatewayPort);
                break;
            case "azure":
                var account = AzureStorageConnection(configuration);
                silo.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(account));
                ConfigureSharedCluster(silo, cluster, serviceId, clusterId, siloPort, gatewayPort);
                // The silos share no disk: the artifacts go to the same storage account unless configured elsewhere.
                silo.Services.PostConfigure<SandboxOptions>(options => options.ArtifactBlobs ??= account);
                break;
            default:
                throw new InvalidOperationException($"Cluster:Mode: unknown clustering '{clustering}' (localhost, redis or azure)");
        }

        var storage = cluster["Storage"]?.ToLowerInvariant() ?? (clustering is "redis" or "azure" ? clustering : "sqlite");
        switch (storage)
        {
            case "sqlite":
                silo.AddSqliteSandboxStorage();
                break;
            case "redis":
                var redis = RedisConnection(configuration);
                silo.AddRedisGrainStorageAsDefault(options => options.Configure<Serializer>((redisOptions, serializer) =>
                {
                    redisOptions.ConfigurationOptions = ConfigurationOptions.Parse(redis);
                    redisOptions.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
                }));
                break;
            case "azure":
                var tables = AzureStorageConnection(configuration);
                silo.AddAzureTableGrainStorageAsDefault(options => options.Configure<Serializer>((tableOptions, serializer) =>
                {
                    tableOptions.TableServiceClient = new TableServiceClient(tables);
                    tableOptions.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
                }));
                break;
            default:
                throw new InvalidOperationException($"Cluster:Storage: unknown storage '{storage}' (sqlite, redis or azure)");
        }
        silo.AddSandbox(configuration);
    }

    /// <summary>Clustering through a shared table: ids, and the endpoints other machines reach this silo at.</summary>
    private static void ConfigureSharedCluster(ISiloBuilder silo, IConfigurationSection cluster, string serviceId, string clusterId, int siloPort, int gatewayPort)
    {
        silo.Configure<ClusterOptions>(options => (options.ServiceId, options.ClusterId) = (serviceId, clusterId));
        // Other machines reach this silo at AdvertisedIP; without one the cluster stays on this machine.
        var advertised = cluster["AdvertisedIP"];
        silo.ConfigureEndpoints(advertised is null ? IPAddress.Loopback : IPAddress.Parse(advertised), siloPort, gatewayPort,
            listenOnAnyHostAddress: advertised is not null);
    }

    /// <summary>Cluster:AzureStorage, else the connection string an Aspire AppHost passes for its "azure" resource.</summary>
    public static string AzureStorageConnection(IConfiguration configuration) =>
        configuration["Cluster:AzureStorage"] ?? configuration.GetConnectionString("azure")
        ?? throw new InvalidOperationException("Cluster:AzureStorage (an Azure Storage connection string, or UseDevelopmentStorage=true for Azurite) is required for Azure clustering or storage");

    /// <summary>Cluster:Redis, else the connection string an Aspire AppHost passes for its "redis" resource.</summary>
    public static string RedisConnection(IConfiguration configuration) =>
        configuration["Cluster:Redis"] ?? configuration.GetConnectionString("redis")
        ?? throw new InvalidOperationException("Cluster:Redis (a connection string such as localhost:6379) is required for Redis clustering or storage");
}
