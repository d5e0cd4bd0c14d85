using GanRsSandbox.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Serialization;
using Orleans.Storage;

namespace GanRsSandbox.Grains.Hosting;

public static class SandboxSilo
{
    public const string StorageName = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;

    /// <summary>
    /// Everything a sandbox silo needs besides clustering and storage: the job worker and supervisor, the artifact
    /// store, the device and job cores in silo metadata, and the placement that prefers GPU silos.
    /// </summary>
    public static ISiloBuilder AddSandbox(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(SandboxOptions.Section);
        var options = section.Get<SandboxOptions>() ?? new SandboxOptions();
        silo.Services.Configure<SandboxOptions>(section);
        silo.UseSiloMetadata(new Dictionary<string, string>
        {
            [SiloCompute.MetadataKey] = SiloCompute.MetadataValue(SiloCompute.Resolve(options.Device)),
            [JobWorker.CoresMetadataKey] = JobWorker.CoresOf(options).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        silo.AddPlacementDirector<ComputePreferredPlacementStrategy, ComputePreferredPlacementDirector>();
        silo.Services.AddSingleton<SiloCompute>();
        silo.Services.AddSingleton<ArtifactStore>();
        silo.Services.AddSingleton<ImportFolder>();
        silo.Services.AddSingleton<JobServices>();
        silo.Services.AddSingleton<JobWorker>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<JobWorker>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, JobSupervisor>();
        silo.Services.AddSingleton<ArtifactSweeper>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<ArtifactSweeper>());
        // Changes are pushed to the web host on one stream; who listens is kept in the silos' own grain storage, so a
        // web host that subscribed once keeps hearing after a silo restart.
        silo.AddMemoryStreams(SandboxStreams.Provider);
        silo.Services.AddKeyedSingleton<IGrainStorage>(SandboxStreams.SubscriptionStore,
            (services, _) => services.GetRequiredKeyedService<IGrainStorage>(StorageName));
        // Grain and silo statistics for the dashboard the web host serves at /dashboard.
        silo.AddDashboard();
        return silo;
    }

    /// <summary>Grain state in SQLite at DataDirectory/sandbox.db, in Orleans' version-tolerant binary format.</summary>
    public static ISiloBuilder AddSqliteSandboxStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(StorageName, (services, _) => new SqliteGrainStorage(
            Path.Combine(Path.GetFullPath(services.GetRequiredService<IOptions<SandboxOptions>>().Value.DataDirectory), "sandbox.db"),
            BinaryStateSerializer(services)));
        return silo;
    }

    public static IGrainStorageSerializer BinaryStateSerializer(IServiceProvider services) =>
        new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
}
