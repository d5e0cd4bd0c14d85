using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Tests;

public sealed class FidelityTests
{
    [Fact]
    public void TvdIsHalfTheL1Distance() => Assert.Equal(0.3, FidelityMetrics.Tvd([0.5, 0.5, 0], [0.2, 0.5, 0.3]), 12);

    [Fact]
    public void HeadShareTakesTheTopTenPercentOfRatedItemsRoundedUp()
    {
        // 11 rated items -> the top 2 (ceil of 1.1); degrees 10 and 9 of a total 10+9+9*1 = 28.
        int[] degrees = [10, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
        Assert.Equal(19.0 / 28, FidelityMetrics.HeadShare(degrees), 12);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 10, 20, 30, 40 }, 1.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 4, 3, 2, 1 }, -1.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 1, 3, 2, 4 }, 4.0 / 6)]
    public void KendallTauMatchesHandComputedCases(double[] x, double[] y, double expected) =>
        Assert.Equal(expected, FidelityMetrics.KendallTau(x, y), 12);

    [Fact]
    public void KendallTauBCorrectsForTies()
    {
        // x ties the first two items: pairs (0,2),(0,3),(1,2),(1,3),(2,3) concordant; 1 tie in x.
        // tau-b = 5 / sqrt((5 + 0 + 0) * (5 + 1)) = 5 / sqrt(30).
        Assert.Equal(5 / Math.Sqrt(30), FidelityMetrics.KendallTau([1, 1, 2, 3], [1, 2, 3, 4]), 12);
    }

    [Fact]
    public void DcrMeasuresDistancesToTheNearestRealPoint()
    {
        float[] real = [0, 0, 10, 0, 0, 10];
        float[] synthetic = [0, 0, 3, 4, 10, 1];
        var dcr = FidelityMetrics.Dcr("embedding", real, synthetic, 2);
        // Distances 0, 5 and 1; real-to-real nearest distances 10, 10, 10·√2 → median 10, threshold 1.
        Assert.Equal(1, dcr.Median, 6);
        Assert.Equal(1, dcr.NearCopies);
        Assert.Equal(1.0, dcr.NearCopyThreshold, 6);
        Assert.Equal(0.1, dcr.P5, 6);
    }

    [Fact]
    public void ComparingADatasetWithItselfShowsNoGaps()
    {
        var data = TestData.LowRank(30, 20);
        var report = FidelityMetrics.Compare(data, data, null);
        Assert.Equal(0, report.RatingTvd, 12);
        Assert.Equal(0, report.MeanGap, 12);
        Assert.Equal(0, report.GiniUsers.Gap, 12);
        Assert.Equal(0, report.HeadShare.Gap, 12);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 2.0, 4, 6, 9 }, 1)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 9.0, 6, 4, 2 }, -1)]
    // Ties share their mean rank: x ranks 0, 1.5, 1.5, 3 against y's 0..3; ρ = 4.5 / √(4.5 · 5).
    [InlineData(new[] { 1.0, 2, 2, 4 }, new[] { 1.0, 2, 3, 4 }, 0.9486832980505138)]
    [InlineData(new[] { 5.0, 5, 5 }, new[] { 1.0, 2, 3 }, 0)]
    public void SpearmanMatchesHandComputedCases(double[] x, double[] y, double expected) =>
        Assert.Equal(expected, RankCorrelation.Spearman(x, y), 12);

    [Fact]
    public void PopularItemsRatedHigherGiveAPositiveDegreeRatingCorrelation()
    {
        // Item i has i + 1 ratings, all equal to 1 + i: the more ratings, the higher the mean.
        var (users, items, ratings) = (new List<int>(), new List<int>(), new List<float>());
        for (var i = 0; i < 5; i++)
        {
            for (var u = 0; u <= i; u++)
            {
                users.Add(u);
                items.Add(i);
                ratings.Add(1 + i);
            }
        }
        var data = RatingsDataset.FromIndices("t", users.ToArray(), items.ToArray(), ratings.ToArray(), 5, 5, RatingScale.OneToFive);
        Assert.Equal(1, FidelityMetrics.DegreeRatingSpearman(data.Items, data.ItemCount, data.Ratings), 12);
        var mirrored = RatingsDataset.FromIndices("m", users.ToArray(), items.ToArray(), ratings.Select(r => 6 - r).ToArray(), 5, 5, RatingScale.OneToFive);
        var report = FidelityMetrics.Compare(data, mirrored, null);
        Assert.Equal(new SourceVsSynthetic(1, -1), report.ItemPopularityRating);
    }

    [Fact]
    public void RatingProfilesAreComparableAcrossDatasets()
    {
        var data = RatingsDataset.FromIndices("p", [0, 0, 1], [0, 1, 0], [5, 3, 1], 2, 2, RatingScale.OneToFive);
        var profiles = FidelityMetrics.RatingProfiles(data);
        Assert.Equal(2 * FidelityMetrics.ProfileWidth(data.Scale), profiles.Length);
        // User 0: mean 4 -> (4-1)/4 = .75, shares of 3 and 5 are one half each.
        Assert.Equal(0.75f, profiles[1], 6);
        Assert.Equal(0.5f, profiles[2 + 2], 6);
        Assert.Equal(0.5f, profiles[2 + 4], 6);
    }
}
