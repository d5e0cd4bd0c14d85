using GanRsSandbox.Ml.Catalog;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>The contracts carry the engine's bounds themselves now; the catalog must publish the same ones.</summary>
public sealed class RequestBoundsTests
{
    [Fact]
    public void The_catalogs_bounds_are_the_engines()
    {
        var catalog = EngineCatalog.Current;
        Assert.Equal(GanrsOptions.MaxIterations, catalog.Option("generator", "iterations").Max);
        Assert.Equal(GanrsOptions.MaxEpochs, catalog.Option("generator", "pretrainEpochs").Max);
        Assert.Equal(GanrsOptions.MaxBatchSize, catalog.Option("generator", "batchSize").Max);
        Assert.Equal(GanrsOptions.MaxFactors, catalog.Option("generator", "factors").Max);
        Assert.Equal(GanrsOptions.MaxWidth, catalog.Option("generator", "noiseSize").Max);
        Assert.Equal(BaselineOptions.MaxEpochs, catalog.Option("baseline", "epochs").Max);
        Assert.Equal(BaselineOptions.MaxBatchSize, catalog.Option("baseline", "batchSize").Max);
        Assert.Equal(BaselineOptions.MaxFactors, catalog.Option("baseline", "factors").Max);
        Assert.Equal(SampleOptions.MaxUsers, catalog.Option("sampling", "users").Max);
        Assert.Equal(SampleOptions.MaxItems, catalog.Option("sampling", "items").Max);
        Assert.Equal(SampleOptions.MaxSamples, catalog.Option("sampling", "samples").Max);
        Assert.Equal(SampleOptions.MaxRatings, catalog.Option("sampling", "ratings").Max);
        Assert.Equal(ExperimentPlan.MaxRankingSeeds, RankingOptions.MaxSeeds);
    }

    [Fact]
    public void The_catalogs_defaults_are_the_engines()
    {
        var catalog = EngineCatalog.Current;
        Assert.Equal(new GanrsOptions().Iterations, catalog.Option("generator", "iterations").Default);
        Assert.Equal(new BaselineOptions().Seed, catalog.Option("baseline", "seed").Default);
        Assert.Equal(new SampleOptions().NoiseStd, catalog.Option("sampling", "noiseStd").Default);
        Assert.Equal("matched", catalog.Option("sampling", "variant").Default);
        Assert.Equal("matched", catalog.DefaultVariant);
        Assert.Equal(["deepmf", "vdeepmf", "ncf", "ncf-classification", "ncf-improved", "ncf-binary"], catalog.Models.Select(m => m.Name));
        Assert.Equal(["test-items", "thresholded", "all-items"], catalog.Protocols.Select(p => p.Name));
        Assert.All(catalog.Variants, v => Assert.False(string.IsNullOrEmpty(v.Description)));
    }
}
