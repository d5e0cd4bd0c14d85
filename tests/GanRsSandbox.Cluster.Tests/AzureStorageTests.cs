using Azure.Storage.Blobs;
using GanRsSandbox.BlazorUi;
using GanRsSandbox.Grains;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;
using GanRsSandbox.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>
/// The configuration for several machines without a shared disk: Azure Table clustering and grain state, and the
/// artifacts in a blob container, all against Azurite; each silo has a data directory of its own. Its two silos and
/// the emulator run alone, after the parallel classes, so that they do not slow the grids beside them.
/// </summary>
[Collection(AzureStorageTests.Alone)]
public sealed class AzureStorageTests : IAsyncLifetime
{
    public const string Alone = "azure storage, alone";

    private readonly AzuriteServer _azurite = new();
    private readonly TempDirectory _firstData = new();
    private readonly TempDirectory _secondData = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        _firstData.Dispose();
        _secondData.Dispose();
    }

    [Fact]
    public async Task A_model_trained_on_one_silo_serves_top_n_from_the_other_after_the_first_is_killed()
    {
        using var first = await StartSiloAsync(_firstData.Path);
        using var client = await StartClientAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();

        await grains.GetGrain<IDatasetGrain>("ds-azure").CreateDemoAsync("demo", seed: 8);
        var job = await grains.GetGrain<IModelGrain>("model-azure").TrainAsync(new ModelRequest
        {
            DatasetId = "ds-azure", Kind = BaselineKind.DeepMf, Options = new ModelSettings { Epochs = 2 },
        });
        var trained = await Wait.ForJobAsync(grains, job.Id);
        Assert.Equal(JobState.Succeeded, trained.State);
        var before = await grains.GetGrain<IModelGrain>("model-azure").RecommendAsync("1", 5);
        var model = await grains.GetGrain<IModelGrain>("model-azure").GetAsync();
        Assert.NotNull(model?.Artifact);
        Assert.Equal(first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString(), trained.Silo);

        // The artifacts are in the container; the second silo starts with nothing on its disk.
        var blobs = new BlobContainerClient(_azurite.ConnectionString, new SandboxOptions().ArtifactContainer).GetBlobs().Select(b => b.Name).ToList();
        Assert.Contains(model.Artifact.Hash, blobs);
        using var second = await StartSiloAsync(_secondData.Path);
        Assert.Equal(0, _secondData.ArtifactCount);
        await Wait.UntilAsync(async () => (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2 ? "both" : null,
            60, "both silos to be active");

        // Killed, not stopped: no goodbye to the membership table, no state written on the way out.
        await first.StopAsync(new CancellationToken(canceled: true));
        var after = await Wait.UntilAsync(async () =>
        {
            try
            {
                return await grains.GetGrain<IModelGrain>("model-azure").RecommendAsync("1", 5);
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                return null;
            }
        }, 120, "top-N from the surviving silo");
        Assert.Equal(before, after);
        // The survivor fetched the model from the container into its own cache.
        Assert.True(File.Exists(Path.Combine(_secondData.Path, "artifacts", model.Artifact.Hash)));
    }

    [Fact]
    public async Task Without_shared_work_folders_a_grid_runs_whole_on_the_silo_of_its_experiment()
    {
        using var first = await StartSiloAsync(_firstData.Path);
        using var client = await StartClientAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        await grains.GetGrain<IDatasetGrain>("ds-azure-grid").CreateDemoAsync("demo", seed: 5);
        var job = await grains.GetGrain<IExperimentGrain>("exp-azure").StartAsync(new ExperimentRequest
        {
            SourceDatasetId = "ds-azure-grid", Preset = ExperimentPresets.Quick, Variant = GanrsVariant.Stable, SampleScale = 0.01, Iterations = 40,
            Epochs = 1, RankingSeeds = 1,
        });
        var finished = await Wait.ForJobAsync(grains, job.Id, 300);
        Assert.Equal(JobState.Succeeded, finished.State);
        var experiment = await grains.GetGrain<IExperimentGrain>("exp-azure").GetAsync();
        Assert.Equal(18, experiment!.Results!.Cells.Count);
        // One job, no pieces: another silo could not have seen a piece's file.
        var jobs = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ListAsync(RegistryEntryKind.Job);
        var kinds = await Task.WhenAll(jobs.Select(async id => (await grains.GetGrain<IJobGrain>(id).GetAsync())!.Kind));
        Assert.DoesNotContain(JobKind.RunGridPiece, kinds);
    }

    [Fact]
    public void A_damaged_blob_is_a_conflict_and_the_sweep_removes_only_unreferenced_blobs()
    {
        var store = Store(_firstData.Path);
        Assert.False(store.WorkFoldersShared);
        var kept = store.Put(path => File.WriteAllText(path, "kept"));
        var dropped = store.Put(path => File.WriteAllText(path, "dropped"));
        Assert.Equal(new[] { kept.Hash, dropped.Hash }.Order(StringComparer.Ordinal), store.List().Order(StringComparer.Ordinal));

        // Another silo, with an empty cache, reads from the container and checks the bytes against the hash.
        var other = Store(_secondData.Path);
        Assert.Equal("kept", File.ReadAllText(other.Locate(kept)));
        new BlobContainerClient(_azurite.ConnectionString, new SandboxOptions().ArtifactContainer).GetBlobClient(dropped.Hash)
            .Upload(BinaryData.FromString("tampered"), overwrite: true);
        var error = Assert.Throws<SandboxException>(() => other.Locate(dropped));
        Assert.Equal(SandboxErrorKind.Conflict, error.Kind);
        Assert.Contains("do not match its hash", error.Message);
        Assert.False(File.Exists(Path.Combine(_secondData.Path, "artifacts", dropped.Hash)));

        // Within the grace period nothing goes; after it, only what no state refers to.
        Assert.Empty(store.Sweep(new HashSet<string> { kept.Hash }, TimeSpan.FromMinutes(10)));
        Assert.Contains(dropped.Hash, store.Sweep(new HashSet<string> { kept.Hash }, TimeSpan.Zero));
        Assert.Equal([kept.Hash], store.List());
        var missing = Assert.Throws<SandboxException>(() => other.Locate(dropped));
        Assert.Contains("missing from the blob container", missing.Message);
    }

    private ArtifactStore Store(string dataDirectory) => new(
        Options.Create(new SandboxOptions { DataDirectory = dataDirectory, ArtifactBlobs = _azurite.ConnectionString }),
        NullLogger<ArtifactStore>.Instance);

    private async Task<IHost> StartSiloAsync(string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "azure",
            ["Cluster:AzureStorage"] = _azurite.ConnectionString,
            ["Cluster:SiloPort"] = TestFiles.FreePort().ToString(),
            ["Cluster:GatewayPort"] = TestFiles.FreePort().ToString(),
            ["Sandbox:DataDirectory"] = dataDirectory,
            ["Sandbox:Device"] = "cpu",
        });
        builder.UseOrleans(silo => SiloSetup.Configure(silo, builder.Configuration));
        builder.Services.Configure<ClusterMembershipOptions>(SandboxTestCluster.FastDeathDetection);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "azure",
            ["Cluster:AzureStorage"] = _azurite.ConnectionString,
        });
        builder.UseOrleansClient(client => ClusterConnection.Configure(client, builder.Configuration));
        builder.Services.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
