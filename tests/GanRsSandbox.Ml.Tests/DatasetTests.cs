using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Tests;

public sealed class DatasetTests
{
    [Fact]
    public void BinaryFormatRoundTripsEveryColumnAndId()
    {
        var source = RatingsImporter.Import(
            new MemoryStream("user,item,rating\nalice,m1,4.5\nbob,m2,1\nalice,m2,3\n"u8.ToArray()), "x.csv");
        var path = TestData.WriteTemp("");
        try
        {
            DatasetFile.Save(source, path);
            var copy = DatasetFile.Load(path);
            Assert.Equal(source.Name, copy.Name);
            Assert.Equal(source.Users, copy.Users);
            Assert.Equal(source.Items, copy.Items);
            Assert.Equal(source.Ratings, copy.Ratings);
            Assert.Equal(source.UserIds, copy.UserIds);
            Assert.Equal(source.ItemIds, copy.ItemIds);
            Assert.Equal(source.Scale, copy.Scale);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadingATruncatedFileIsAClearError()
    {
        var data = TestData.LowRank(5, 5);
        using var stream = new MemoryStream();
        DatasetFile.Write(data, stream);
        var truncated = new MemoryStream(stream.ToArray()[..(int)(stream.Length - 7)]);
        var error = Assert.Throws<DataFormatException>(() => DatasetFile.Read(truncated, "cut.grsd"));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void StatsMatchHandComputedValues()
    {
        // Users 0,1,2 rate 3,1,1 items; items 0,1,2 are rated 2,2,1 times.
        var data = RatingsDataset.FromIndices("t", [0, 0, 0, 1, 2], [0, 1, 2, 0, 1], [5, 4, 4, 1, 2], 3, 3, RatingScale.OneToFive);
        var stats = DatasetStats.Compute(data);
        Assert.Equal(3, stats.Users);
        Assert.Equal(3, stats.Items);
        Assert.Equal(5, stats.Ratings);
        Assert.Equal(5.0 / 9, stats.Density, 12);
        Assert.Equal(16.0 / 5, stats.Mean, 12);
        Assert.Equal(new Dictionary<double, int> { [1] = 1, [2] = 1, [3] = 0, [4] = 2, [5] = 1 }, stats.Histogram);
        // Gini of (1,1,3): sum((2i-n-1)x_i)/(n sum x) = (-2*1 + 0*1 + 2*3)/(3*5) = 4/15.
        Assert.Equal(4.0 / 15, stats.GiniUsers, 12);
        // Gini of (1,2,2): (-2*1 + 0 + 2*2)/(3*5) = 2/15.
        Assert.Equal(2.0 / 15, stats.GiniItems, 12);
    }

    [Fact]
    public void GiniIsZeroForEqualDegrees() => Assert.Equal(0, DatasetStats.Gini([4, 4, 4, 4]), 12);

    [Fact]
    public void RatioSplitIsSeededDisjointAndComplete()
    {
        var a = DatasetSplit.Ratio(1000, 0.2, 42);
        var b = DatasetSplit.Ratio(1000, 0.2, 42);
        var c = DatasetSplit.Ratio(1000, 0.2, 43);
        Assert.Equal(800, a.Train.Length);
        Assert.Equal(200, a.Test.Length);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Test, c.Test);
        Assert.Equal(Enumerable.Range(0, 1000), a.Train.Concat(a.Test).Order());
    }

    [Fact]
    public void Cf4jSplitTestsExactlyTheRatingsOfTestUsersOnTestItems()
    {
        var data = TestData.LowRank(50, 50, 0.6);
        var split = DatasetSplit.Cf4j(data, 0.3, 0.4, 5);
        Assert.NotEmpty(split.Test);
        var testUsers = split.Test.Select(r => data.Users[r]).ToHashSet();
        var testItems = split.Test.Select(r => data.Items[r]).ToHashSet();
        // Every training rating must involve a non-test user or a non-test item.
        Assert.All(split.Train, r => Assert.False(testUsers.Contains(data.Users[r]) && testItems.Contains(data.Items[r])));
        Assert.Equal(data.Count, split.Train.Length + split.Test.Length);
    }
}
