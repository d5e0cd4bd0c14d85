using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Cluster.Tests;

public sealed class RequestBoundsTests
{
    [Fact]
    public void The_schemas_bounds_are_the_engines()
    {
        Assert.Equal(GanrsOptions.MaxIterations, RequestBounds.MaxIterations);
        Assert.Equal(GanrsOptions.MaxEpochs, RequestBounds.MaxGeneratorEpochs);
        Assert.Equal(GanrsOptions.MaxBatchSize, RequestBounds.MaxGeneratorBatchSize);
        Assert.Equal(GanrsOptions.MaxFactors, RequestBounds.MaxGeneratorFactors);
        Assert.Equal(GanrsOptions.MaxWidth, RequestBounds.MaxNoiseSize);
        Assert.Equal(BaselineOptions.MaxEpochs, RequestBounds.MaxModelEpochs);
        Assert.Equal(BaselineOptions.MaxBatchSize, RequestBounds.MaxModelBatchSize);
        Assert.Equal(BaselineOptions.MaxFactors, RequestBounds.MaxModelFactors);
        Assert.Equal(SampleOptions.MaxUsers, RequestBounds.MaxUsers);
        Assert.Equal(SampleOptions.MaxItems, RequestBounds.MaxItems);
        Assert.Equal(SampleOptions.MaxSamples, RequestBounds.MaxSamples);
        Assert.Equal(SampleOptions.MaxRatings, RequestBounds.MaxRatings);
        Assert.Equal(ExperimentPlan.MaxRankingSeeds, RequestBounds.MaxRankingSeeds);
    }
}
