using GanRsSandbox.Ml.Experiments;

namespace GanRsSandbox.Ml.Tests;

public sealed class GridDatasetFileTests
{
    /// <summary>A dataset description as the release before the one fidelity report wrote it into a grid folder.</summary>
    private const string Flat = """
        {
          "key": "ganrs-2000u-800k", "isSource": false, "users": 2000, "items": 4000, "ratings": 643691, "samples": 800000, "inSampleSweep": true,
          "fidelity": {
            "ratingTvd": 0.001, "rawRatingTvd": 0.04, "meanGap": 0.002, "densitySource": 0.063, "densitySynthetic": 0.08,
            "giniUsersSource": 0.472, "giniUsersSynthetic": 0.471, "giniItemsSource": 0.629, "giniItemsSynthetic": 0.628,
            "headShareSource": 0.429, "headShareSynthetic": 0.427, "dcrMedian": 1.7, "collapsedPairs": 156309,
            "referenceRmse": { "source": 0.95, "synthetic": 0.96 }
          }
        }
        """;

    [Fact]
    public void An_old_grid_folders_flat_fidelity_reads_as_the_report_with_every_figure()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ganrs-grid-").FullName, "d.json");
        File.WriteAllText(path, Flat);
        var dataset = GridDatasetFile.Read(path, ExperimentRunner.Json);
        var f = dataset.Fidelity!;
        Assert.Equal((643691, 0.001, 0.04, 0.002), (dataset.Ratings, f.RatingTvd, f.RawRatingTvd!.Value, f.MeanGap));
        Assert.Equal((0.063, 0.08), (f.Density.Source, f.Density.Synthetic));
        Assert.Equal((0.629, 0.628), (f.GiniItems.Source, f.GiniItems.Synthetic));
        Assert.Equal((0.429, 0.427), (f.HeadShare.Source, f.HeadShare.Synthetic));
        Assert.Equal((1.7, 156309L), (f.Dcr!.Median, f.CollapsedPairs!.Value));
        Assert.Equal((0.95, 0.96), (f.Difficulty!.SourceReferenceRmse, f.Difficulty.SyntheticReferenceRmse));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
