using GanRsSandbox.Grains;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>
/// Grain state written by the release before the engine's records replaced the contracts' copies (Fixtures/state-v1,
/// serialized by that release) still reads, and upgrades into the engine's shapes without losing a figure.
/// </summary>
public sealed class StateUpgradeTests
{
    private static readonly OrleansGrainStorageSerializer Storage = new(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private static T Read<T>(string name) =>
        Storage.Deserialize<T>(new BinaryData(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "state-v1", name))))!;

    [Fact]
    public void An_old_synthetic_dataset_keeps_its_lineage_and_fidelity()
    {
        var state = Read<DatasetState>("dataset.bin");
        Assert.Equal("job-1", state.ActiveJob!.JobId);
        var info = state.Info!.Upgraded();
        Assert.Equal(("ds-1", "syn", 5000), (info.Id, info.Name, info.Stats!.Ratings));
        var sampling = info.Lineage.Sampling!;
        Assert.Equal(("gen-1", 300, 400, 9000L, 3, GanrsVariant.Stable, "syn", 5000L),
            (sampling.GeneratorId, sampling.Users, sampling.Items, sampling.Samples, sampling.Seed, sampling.Variant, sampling.Name, sampling.Ratings));
        var fidelity = info.Fidelity!;
        Assert.Equal((0.01, 0.04, 0.47, 0.62, 0.43), (fidelity.RatingTvd, fidelity.RawRatingTvd, fidelity.GiniUsers.Source, fidelity.GiniItems.Synthetic, fidelity.HeadShare.Source));
        Assert.Equal((1.5, 0.7, 0), (fidelity.Dcr!.Median, fidelity.Dcr.P5, fidelity.Dcr.NearCopies));
        Assert.Equal((0.95, 0.96, 0.6), (fidelity.Difficulty!.SourceReferenceRmse, fidelity.Difficulty.SyntheticReferenceRmse, fidelity.Difficulty.NoiseStd));
        Assert.Equal((12L, 0.2, 5000L), (fidelity.CollapsedPairs, fidelity.GanRatingTvd, fidelity.Structure!.RequestedRatings));
        Assert.Equal("rating TVD", Assert.Single(fidelity.Scorecard!).Metric);
        Assert.Null(info.LegacyFidelity);
        Assert.Null(info.Lineage.LegacySampling);
    }

    [Fact]
    public void An_old_model_keeps_its_kind_and_curves()
    {
        var info = Read<ModelState>("model.bin").Info!.Upgraded();
        Assert.Equal((BaselineKind.NcfImproved, 0.9, 99L), (info.Kind, info.Rmse, info.Artifact!.Bytes));
        Assert.Equal(
            [new CurvePoint(EvaluationProtocol.TestItems, 4, 10, 0.5, 0.25, 0.3333), new CurvePoint(EvaluationProtocol.Thresholded, 3, 2, 0.6, 0.1, 0.17)],
            info.Curves);
        Assert.Equal((3, 5), (info.Options.Epochs, info.Options.Seed));
    }

    [Fact]
    public void Old_generators_and_experiments_read_and_keep_their_variant()
    {
        var generator = Read<GeneratorState>("generator.bin").Info!.Upgraded();
        Assert.Equal((400, 500, 0.7), (generator.BestIteration, generator.Options.Iterations, generator.Losses.Single().GeneratorLoss));
        var experiment = Read<ExperimentState>("experiment.bin").Info!.Upgraded();
        Assert.Equal((GanrsVariant.Popular, "quick", 2, 2), (experiment.Request.Variant, experiment.Request.Preset, experiment.Request.Seed, experiment.Request.RankingSeeds));
    }

    [Fact]
    public void The_engines_records_round_trip_through_the_cluster_serializer_as_they_are()
    {
        var request = new SyntheticRequest { GeneratorId = "gen-1", Name = "n", Users = 10, Items = 20, Samples = 300, Variant = GanrsVariant.Popular, Ratings = 150 };
        var dataset = new DatasetInfo
        {
            Id = "ds-2", Name = "n", Kind = DatasetKind.Synthetic, Status = ResourceStatus.Ready, CreatedAt = DateTimeOffset.UnixEpoch,
            Lineage = new DatasetLineage { Sampling = request },
            Fidelity = new FidelityReport(0.1, 0.2, new(0.3, 0.4), new(0.5, 0.6), new(0.7, 0.8), new(0.9, 1), null) { RawRatingTvd = double.NaN },
        };
        var back = Storage.Deserialize<DatasetState>(Storage.Serialize(new DatasetState { Info = dataset }))!.Info!;
        Assert.Equal(request, back.Lineage.Sampling);
        Assert.Equal(dataset.Fidelity!.GiniItems, back.Fidelity!.GiniItems);
        Assert.True(double.IsNaN(back.Fidelity.RawRatingTvd!.Value));
        var job = new JobInfo
        {
            Id = "job-2", Kind = JobKind.TrainModel, State = JobState.Running, ResultId = "model-2", CreatedAt = DateTimeOffset.UnixEpoch,
            Progress = new StageProgress("train", 3, 10, new Dictionary<string, double> { [MetricNames.Loss] = 0.5 }) { Detail = "deepmf" },
        };
        var progress = Storage.Deserialize<JobInfo>(Storage.Serialize(job))!.Progress!;
        Assert.Equal(("train", 3L, 10L, 0.5, "deepmf"), (progress.Stage, progress.Step, progress.Steps, progress.Metric(MetricNames.Loss)!.Value, progress.Detail));
    }
}
