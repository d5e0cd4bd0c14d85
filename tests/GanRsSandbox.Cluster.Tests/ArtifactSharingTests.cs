using GanRsSandbox.Grains;
using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GanRsSandbox.Cluster.Tests;

public sealed class ArtifactSharingTests
{
    /// <summary>No sweep on its own during the test: the test sweeps when it wants, with no grace period.</summary>
    internal static readonly Dictionary<string, string?> ManualSweeps = new()
    {
        ["Sandbox:ArtifactSweepMinutes"] = "100000",
        ["Sandbox:ArtifactGraceMinutes"] = "100000",
    };

    internal static Task<IReadOnlyList<string>> SweepNowAsync(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredService<ArtifactSweeper>().SweepAsync(TimeSpan.Zero);

    internal static IReadOnlyList<string> Files(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredService<ArtifactStore>().List().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Equal_twins_outlive_the_delete_of_one_and_a_restart_and_the_sweep_frees_a_file_only_when_nothing_refers_to_it()
    {
        using var data = new TempDirectory();
        string modelHash, predictionsHash, syntheticHash;
        await using (var first = await SandboxTestCluster.StartAsync(data.Path, settings: ManualSweeps))
        {
            var client = first.Client;
            await client.GetGrain<IDatasetGrain>("ds-source").CreateDemoAsync("demo", seed: 2);
            // The same training twice (same default seed) and the same sampling twice give equal bytes: one shared file each.
            foreach (var id in new[] { "model-a", "model-b" })
            {
                var job = await client.GetGrain<IModelGrain>(id).TrainAsync(new ModelRequest { DatasetId = "ds-source", Kind = BaselineKind.DeepMf, Options = new ModelSettings { Epochs = 1 } });
                Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(client, job.Id)).State);
            }
            var generator = await client.GetGrain<IGeneratorGrain>("gen-1").TrainAsync(new GeneratorRequest
            {
                SourceDatasetId = "ds-source",
                Options = new GeneratorSettings { Iterations = 100, PretrainEpochs = 1, EvaluateEvery = 50 },
            });
            Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(client, generator.Id)).State);
            foreach (var id in new[] { "ds-twin-a", "ds-twin-b" })
            {
                var job = await client.GetGrain<IDatasetGrain>(id).CreateSyntheticAsync(new SyntheticRequest { GeneratorId = "gen-1", Users = 40, Items = 30, Samples = 2000, Name = "twin" });
                Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(client, job.Id)).State);
            }
            var modelA = (await client.GetGrain<IModelGrain>("model-a").GetAsync())!;
            var modelB = (await client.GetGrain<IModelGrain>("model-b").GetAsync())!;
            (modelHash, predictionsHash) = (modelA.Artifact!.Hash, modelA.Predictions!.Hash);
            Assert.Equal((modelHash, predictionsHash), (modelB.Artifact!.Hash, modelB.Predictions!.Hash));
            syntheticHash = (await client.GetGrain<IDatasetGrain>("ds-twin-a").GetAsync())!.Artifact!.Hash;
            Assert.Equal(syntheticHash, (await client.GetGrain<IDatasetGrain>("ds-twin-b").GetAsync())!.Artifact!.Hash);

            await client.GetGrain<IModelGrain>("model-a").DeleteAsync();
            await client.GetGrain<IDatasetGrain>("ds-twin-a").DeleteAsync();
            await first.StopAllSilosAsync();
        }

        await using var second = await SandboxTestCluster.StartAsync(data.Path, settings: ManualSweeps);
        var grains = second.Client;
        Assert.Equal(5, (await grains.GetGrain<IModelGrain>("model-b").RecommendAsync("1", 5)).Count);
        Assert.NotEmpty(await grains.GetGrain<IDatasetGrain>("ds-twin-b").GetUsersAsync(0, 10));
        Assert.Null(await grains.GetGrain<IModelGrain>("model-a").GetAsync());

        // A write cut off by a crash leaves an unfinished file; the sweep takes it and nothing anyone refers to.
        var orphan = Path.Combine(data.Path, "artifacts", ".incoming-0123456789abcdef");
        await File.WriteAllTextAsync(orphan, "half a file");
        var before = Files(second);
        Assert.Equal([".incoming-0123456789abcdef"], await SweepNowAsync(second));
        Assert.False(File.Exists(orphan));
        Assert.Equal(before, Files(second));
        Assert.Contains(modelHash, before);
        Assert.Contains(predictionsHash, before);
        Assert.Contains(syntheticHash, before);

        // Once the twin goes too, nothing refers to the file: the next sweep frees it.
        await grains.GetGrain<IModelGrain>("model-b").DeleteAsync();
        await grains.GetGrain<IDatasetGrain>("ds-twin-b").DeleteAsync();
        var removed = await SweepNowAsync(second);
        Assert.Equal(new[] { modelHash, predictionsHash, syntheticHash }.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        var source = (await grains.GetGrain<IDatasetGrain>("ds-source").GetAsync())!.Artifact!.Hash;
        var generatorFile = (await grains.GetGrain<IGeneratorGrain>("gen-1").GetAsync())!.Artifact!.Hash;
        Assert.Equal(new[] { source, generatorFile }.Order(StringComparer.Ordinal), Files(second));
    }

    [Fact]
    public async Task A_missing_artifact_is_a_conflict_that_names_no_server_path()
    {
        using var data = new TempDirectory();
        await using var cluster = await SandboxTestCluster.StartAsync(data.Path, settings: ManualSweeps);
        var client = cluster.Client;
        await client.GetGrain<IDatasetGrain>("ds-wiped").CreateDemoAsync("demo", seed: 2);
        var hash = (await client.GetGrain<IDatasetGrain>("ds-wiped").GetAsync())!.Artifact!.Hash;
        File.Delete(Path.Combine(data.Path, "artifacts", hash));
        await cluster.DeactivateAsync(client.GetGrain<IDatasetGrain>("ds-wiped"));
        var error = await Assert.ThrowsAsync<SandboxException>(() => client.GetGrain<IDatasetGrain>("ds-wiped").GetUsersAsync(0, 5));
        Assert.Equal(SandboxErrorKind.Conflict, error.Kind);
        Assert.DoesNotContain(data.Path, error.Message);
        Assert.DoesNotContain("/", error.Message);
    }
}

public sealed class ArtifactStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly ArtifactStore _store;

    public ArtifactStoreTests() => _store = new ArtifactStore(
        Microsoft.Extensions.Options.Options.Create(new SandboxOptions { DataDirectory = _data.Path }),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<ArtifactStore>.Instance);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_files_and_no_partial_one()
    {
        var kept = _store.Put(path => File.WriteAllText(path, "the first artifact"));
        var error = Assert.Throws<IOException>(() => _store.Put(path =>
        {
            File.WriteAllText(path, "half of");
            throw new IOException("No space left on device");
        }));
        Assert.Contains("No space left", error.Message);
        Assert.Equal([kept.Hash], _store.List());
        Assert.Empty(Directory.GetFiles(Path.Combine(_data.Path, "artifacts"), ".incoming-*"));
        Assert.Equal("the first artifact", File.ReadAllText(_store.Locate(kept)));
    }

    [Fact]
    public void Equal_bytes_are_one_file_and_a_new_reference_freshens_it_against_the_sweep()
    {
        var first = _store.Put(path => File.WriteAllText(path, "same"));
        var path = _store.Locate(first);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-1));
        var second = _store.Put(p => File.WriteAllText(p, "same"));
        Assert.Equal(first.Hash, second.Hash);
        Assert.Single(_store.List());
        // Not referenced yet (its new owner's state is not written), but just put: a sweep with a grace period keeps it.
        Assert.Empty(_store.Sweep(new HashSet<string>(), TimeSpan.FromMinutes(10)));
        Assert.Equal([first.Hash], _store.Sweep(new HashSet<string>(), TimeSpan.Zero));
    }
}
