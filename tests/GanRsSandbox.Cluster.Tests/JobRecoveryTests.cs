using GanRsSandbox.Grains;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using Torch = TorchSharp.torch;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Cluster.Tests;

public sealed class JobRecoveryTests
{
    [Fact]
    public async Task A_job_whose_silo_is_killed_restarts_on_another_silo_and_succeeds()
    {
        using var data = new TempDirectory();
        // Silo_1 claims a GPU, so training must activate there first, and fall back to a CPU silo once it is gone.
        await using var cluster = await SandboxTestCluster.StartAsync(data.Path, silos: 3, cudaSilo: "Silo_1");
        var client = cluster.Client;
        var dataset = await client.GetGrain<IDatasetGrain>("ds-kill").CreateDemoAsync("demo", seed: 5);
        var job = await client.GetGrain<IModelGrain>("model-kill").TrainAsync(new ModelRequest
        {
            DatasetId = dataset.Id,
            Kind = BaselineKind.Ncf,
            // Long enough to be killed mid-way on any machine; the restart trains it all again.
            Options = new ModelSettings { Epochs = 40 },
        });

        var running = await Wait.ForJobStateAsync(client, job.Id, JobState.Running);
        var gpuSilo = cluster.Silos.Single(s => s.Name == "Silo_1");
        Assert.Equal(gpuSilo.SiloAddress.ToString(), running.Silo);
        // Tagged cuda for placement, but libtorch sees no GPU here: the job records the device that really ran.
        Assert.Equal(Torch.cuda.is_available() ? "cuda" : "cpu", running.Device);

        await cluster.KillSiloAsync(gpuSilo);
        var finished = await Wait.ForJobAsync(client, job.Id);

        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.Equal(1, finished.Restarts);
        Assert.NotEqual(gpuSilo.SiloAddress.ToString(), finished.Silo);
        var model = await client.GetGrain<IModelGrain>("model-kill").GetAsync();
        Assert.Equal(ResourceStatus.Ready, model!.Status);
        Assert.Equal(10, (await client.GetGrain<IModelGrain>("model-kill").RecommendAsync("0", 10)).Count);
    }

    /// <param name="killOrchestrator">True: kill the silo of the experiment grain itself; false: the other silo, which only runs pieces.</param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_grid_spreads_over_both_silos_and_a_silo_killed_mid_way_leaves_the_numbers_of_an_uninterrupted_run(bool killOrchestrator)
    {
        using var data = new TempDirectory();
        // Silo_1 claims a GPU, so the experiment starts there; its pieces go wherever job cores are free.
        await using var cluster = await SandboxTestCluster.StartAsync(data.Path, silos: 2, cudaSilo: "Silo_1");
        var client = cluster.Client;
        var source = await client.GetGrain<IDatasetGrain>("ds-grid-kill").CreateDemoAsync("demo", seed: 5);
        var request = GridRequest(source.Id);
        var job = await client.GetGrain<IExperimentGrain>("exp-kill").StartAsync(request);
        var running = await Wait.ForJobStateAsync(client, job.Id, JobState.Running);
        var gpuSilo = cluster.Silos.Single(s => s.Name == "Silo_1");
        var cpuSilo = cluster.Silos.Single(s => s.Name == "Silo_0");
        Assert.Equal(gpuSilo.SiloAddress.ToString(), running.Silo);

        // The generator and the source's cells need nothing: they start at once, on both silos.
        var silos = await Wait.UntilAsync(async () =>
        {
            var ran = (await PieceJobsAsync(client, "exp-kill")).Select(j => j.Silo).OfType<string>().Distinct().ToList();
            return ran.Count == 2 ? ran : null;
        }, 120, "pieces running on both silos");
        Assert.Equal(new[] { cpuSilo, gpuSilo }.Select(s => s.SiloAddress.ToString()).Order(), silos.Order());

        // Killed once the grid has finished some cells and has most still to train.
        var cells = Path.Combine(data.Path, "work", "exp-kill", "cells");
        await Wait.UntilAsync(() => Task.FromResult(Directory.Exists(cells) && Directory.EnumerateFiles(cells, "*.json").Any() ? cells : null), 180,
            "the grid's first cell");
        var killed = killOrchestrator ? gpuSilo : cpuSilo;
        await cluster.KillSiloAsync(killed);
        var finished = await Wait.ForJobAsync(client, job.Id, 300);

        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.Equal(killOrchestrator ? 1 : 0, finished.Restarts);
        Assert.Equal((killOrchestrator ? cpuSilo : gpuSilo).SiloAddress.ToString(), finished.Silo);
        var pieces = await PieceJobsAsync(client, "exp-kill");
        Assert.All(pieces, p => Assert.Equal(JobState.Succeeded, p.State));
        var resumed = System.Text.Json.JsonSerializer.Deserialize<ExperimentReport>(await client.GetGrain<IExperimentGrain>("exp-kill").GetFileAsync("results.json"),
            ExperimentJson)!;
        // One job per piece (the generator, each synthetic dataset, each cell): one cut off by the kill ran again as itself.
        Assert.Equal(1 + resumed.Datasets.Count - 1 + resumed.Cells.Count, pieces.Count);

        // The same plan straight through the engine, never interrupted (computed once for both cases).
        var reference = UninterruptedGrid.Value;
        Assert.Equal(18, resumed.Cells.Count);
        Assert.Equal(reference.Cells.Select(c => (c.Dataset, c.Model, c.Rmse)), resumed.Cells.Select(c => (c.Dataset, c.Model, c.Rmse)));
        Assert.Equal(reference.Cells.Select(c => c.Points), resumed.Cells.Select(c => c.Points));
    }

    /// <summary>The quick preset cut to its floor of samples (two synthetic datasets, 18 cells), one split seed.</summary>
    private static ExperimentRequest GridRequest(string sourceId) => new()
    {
        SourceDatasetId = sourceId, Preset = ExperimentPresets.Quick, Variant = GanrsVariant.Stable, SampleScale = 0.01, Iterations = 40, Epochs = 1,
        RankingSeeds = 1,
    };

    private static readonly Lazy<ExperimentReport> UninterruptedGrid = new(() =>
    {
        using var folder = new TempDirectory();
        return ExperimentRunner.Run(DemoDataset.Create(5, name: "demo"), folder.Path, ExperimentGrain.Plan(GridRequest("ds-grid-kill")));
    });

    private static async Task<IReadOnlyList<JobInfo>> PieceJobsAsync(IGrainFactory grains, string experimentId)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ListAsync(RegistryEntryKind.Job);
        var jobs = await Task.WhenAll(ids.Select(id => grains.GetGrain<IJobGrain>(id).GetAsync()));
        return jobs.OfType<JobInfo>().Where(j => j.Kind == JobKind.RunGridPiece && j.ResultId.StartsWith(experimentId + "/", StringComparison.Ordinal)).ToList();
    }

    private static readonly System.Text.Json.JsonSerializerOptions ExperimentJson = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    [Fact]
    public async Task Everything_survives_a_full_restart_and_a_job_cut_off_by_it_completes()
    {
        using var data = new TempDirectory();
        IReadOnlyList<Recommendation> before;
        string interruptedJob;
        await using (var first = await SandboxTestCluster.StartAsync(data.Path))
        {
            var client = first.Client;
            await client.GetGrain<IDatasetGrain>("ds-source").CreateDemoAsync("demo", seed: 2);
            var generatorJob = await client.GetGrain<IGeneratorGrain>("gen-1").TrainAsync(new GeneratorRequest
            {
                SourceDatasetId = "ds-source",
                Options = new GeneratorSettings { Iterations = 200, PretrainEpochs = 2, EvaluateEvery = 100 },
            });
            Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(client, generatorJob.Id)).State);
            var syntheticJob = await client.GetGrain<IDatasetGrain>("ds-synthetic").CreateSyntheticAsync(new SyntheticRequest
            {
                GeneratorId = "gen-1", Users = 60, Items = 50, Samples = 3000,
            });
            Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(client, syntheticJob.Id)).State);
            var modelJob = await client.GetGrain<IModelGrain>("model-1").TrainAsync(new ModelRequest
            {
                DatasetId = "ds-synthetic", Kind = BaselineKind.DeepMf, Options = new ModelSettings { Epochs = 2 },
            });
            Assert.Equal(JobState.Succeeded, (await Wait.ForJobAsync(client, modelJob.Id)).State);
            before = await client.GetGrain<IModelGrain>("model-1").RecommendAsync("3", 5);

            var longJob = await client.GetGrain<IModelGrain>("model-long").TrainAsync(new ModelRequest
            {
                DatasetId = "ds-source", Kind = BaselineKind.DeepMf, Options = new ModelSettings { Epochs = 30 },
            });
            interruptedJob = longJob.Id;
            await Wait.ForJobStateAsync(client, longJob.Id, JobState.Running);
            await first.StopAllSilosAsync();
        }

        await using var second = await SandboxTestCluster.StartAsync(data.Path);
        var grains = second.Client;
        var registry = grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        Assert.Equal(["ds-source", "ds-synthetic"], await registry.ListAsync(RegistryEntryKind.Dataset));
        Assert.Equal(ResourceStatus.Ready, (await grains.GetGrain<IDatasetGrain>("ds-source").GetAsync())!.Status);
        var synthetic = (await grains.GetGrain<IDatasetGrain>("ds-synthetic").GetAsync())!;
        Assert.Equal((ResourceStatus.Ready, DatasetKind.Synthetic, "gen-1"), (synthetic.Status, synthetic.Kind, synthetic.Lineage.GeneratorId));
        Assert.NotNull(synthetic.Fidelity);
        Assert.Equal(ResourceStatus.Ready, (await grains.GetGrain<IGeneratorGrain>("gen-1").GetAsync())!.Status);
        var after = await grains.GetGrain<IModelGrain>("model-1").RecommendAsync("3", 5);
        Assert.Equal(before, after);

        var resumed = await Wait.ForJobAsync(grains, interruptedJob);
        Assert.Equal((JobState.Succeeded, 1), (resumed.State, resumed.Restarts));
        Assert.Equal(ResourceStatus.Ready, (await grains.GetGrain<IModelGrain>("model-long").GetAsync())!.Status);
    }
}
