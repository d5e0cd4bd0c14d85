using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Tests;

public sealed class RatingsImporterTests
{
    private static RatingsDataset Import(string text, ImportOptions? options = null) =>
        RatingsImporter.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "test.data", options);

    private static DataFormatException Rejects(string text, ImportOptions? options = null) =>
        Assert.Throws<DataFormatException>(() => Import(text, options));

    [Fact]
    public void ReadsMovieLensTabFormatAndMapsIdsToDenseIndices()
    {
        var data = Import("196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t302\t5\t878887116\n");
        Assert.Equal(3, data.Count);
        Assert.Equal(["196", "186"], data.UserIds);
        Assert.Equal(["242", "302"], data.ItemIds);
        Assert.Equal([0, 1, 0], data.Users);
        Assert.Equal([0, 1, 1], data.Items);
        Assert.Equal([3f, 3f, 5f], data.Ratings);
        Assert.Equal(RatingScale.OneToFive, data.Scale);
    }

    [Fact]
    public void ReadsMovieLensDatFormat()
    {
        var data = Import("1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n");
        Assert.Equal(3, data.Count);
        Assert.Equal(2, data.UserCount);
        Assert.Equal(2, data.ItemCount);
    }

    [Fact]
    public void ReadsGanrsCsvWithFloatIdsAsTheSameEntities()
    {
        var data = Import("user,item,rating\n97.0,3.0,4\n97,4.0,2\n12.0,3,5\n");
        Assert.Equal(["97", "12"], data.UserIds);
        Assert.Equal(["3", "4"], data.ItemIds);
        Assert.Equal([0, 0, 1], data.Users);
    }

    [Fact]
    public void FindsCsvColumnsByHeaderNameInAnyOrder()
    {
        var data = Import("timestamp,rating,movieId,userId\n5,4.5,10,1\n6,3,11,1\n");
        Assert.Equal([4.5f, 3f], data.Ratings);
        Assert.Equal(["10", "11"], data.ItemIds);
        Assert.Equal(["1"], data.UserIds);
    }

    [Fact]
    public void AcceptsTextIdsInCsvWithHeader()
    {
        var data = Import("user_id,item_id,rating\nA1B2,B00X,5\nA1B2,B00Y,1\n");
        Assert.Equal(["A1B2"], data.UserIds);
    }

    [Fact]
    public void DetectsTheOneToTenScale()
    {
        var data = Import("user,item,rating\n1,1,9\n1,2,10\n2,1,3\n");
        Assert.Equal(RatingScale.OneToTen, data.Scale);
        Assert.Equal([9, 10], data.Scale.DefaultThresholds);
    }

    [Fact]
    public void RejectsANonNumericRatingNamingLineAndField()
    {
        var lines = string.Concat(Enumerable.Range(1, 6).Select(i => $"{i}\t{i}\t3\t0\n")) + "7\t7\tfive\t0\n";
        var error = Rejects(lines);
        Assert.Equal(7, error.Line);
        Assert.Equal("rating", error.Field);
        Assert.Contains("test.data:7", error.Message);
        Assert.Contains("'five' is not a number", error.Message);
    }

    [Fact]
    public void RejectsANonNumericIdInMovieLensFormat()
    {
        var error = Rejects("1\t1\t3\t0\nabc\t2\t4\t0\n");
        Assert.Equal(2, error.Line);
        Assert.Equal("user", error.Field);
    }

    [Fact]
    public void RejectsAMissingColumn()
    {
        var error = Rejects("1\t1\t3\t0\n2\t2\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("expected at least 3 fields", error.Message);
    }

    [Fact]
    public void RejectsAHeaderWithoutARatingColumn()
    {
        var error = Rejects("user,item,when\n1,2,3\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("no rating column", error.Message);
    }

    [Fact]
    public void RejectsARatingOutsideTheDeclaredScale()
    {
        var error = Rejects("1\t1\t3\t0\n1\t2\t6\t0\n", new ImportOptions { Scale = RatingScale.OneToFive });
        Assert.Equal(2, error.Line);
        Assert.Contains("not on the scale 1..5", error.Message);
    }

    [Fact]
    public void DetectsTheValuesOwnScaleWhenNoWellKnownOneHoldsThem()
    {
        var data = Import("1\t1\t3\t0\n1\t2\t11\t0\n1\t3\t4\t0\n");
        Assert.Equal(new RatingScale(3, 11), data.Scale);
        Assert.Equal([10, 11], data.Scale.DefaultThresholds);
    }

    [Fact]
    public void ReadsMovieLensLatestHalfStarsWithTheirHeader()
    {
        var data = Import("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,0.5,964981247\n2,6,4.5,964982224\n2,47,5.0,964983815\n");
        Assert.Equal(RatingScale.HalfStars, data.Scale);
        Assert.Equal(10, data.Scale.Classes);
        Assert.Equal([4.5, 5], data.Scale.DefaultThresholds);
        Assert.Equal([4f, 0.5f, 4.5f, 5f], data.Ratings);
        var stats = DatasetStats.Compute(data);
        Assert.Equal([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5], stats.Histogram.Keys);
        Assert.Equal(1, stats.Histogram[4.5]);
    }

    [Fact]
    public void AcceptsADeclaredPercentScaleAndRejectsAValueOffItsStep()
    {
        var scale = RatingScale.TryParse("0..100:1", out var parsed) ? parsed : throw new InvalidOperationException();
        var data = Import("user,item,score\n1,1,0\n1,2,100\n2,1,37\n", new ImportOptions { Scale = scale });
        Assert.Equal(101, data.Scale.Classes);
        var error = Rejects("user,item,score\n1,1,0\n1,2,37.5\n", new ImportOptions { Scale = scale });
        Assert.Equal(3, error.Line);
        Assert.Equal("score", error.Field);
        Assert.Contains("not on the scale 0..100", error.Message);
    }

    [Fact]
    public void RejectsContinuousScoresNamingTheFirstOffStepValue()
    {
        var error = Rejects("1\t1\t3\t0\n1\t2\t3.14159\t0\n1\t3\t2.71828\t0\n");
        Assert.Equal(2, error.Line);
        Assert.Equal("rating", error.Field);
        Assert.Contains("no common step", error.Message);
        Assert.Contains("declare the scale", error.Message);
    }

    [Fact]
    public void ReadsAFileWithoutARatingColumnAsImplicitFeedback()
    {
        var data = Import("user_id,item_id,timestamp\nA,x,1\nA,y,2\nB,x,3\n");
        Assert.True(data.Scale.IsUnary);
        Assert.Equal([1f, 1f, 1f], data.Ratings);
        var pairs = Import("1\t10\n1\t11\n2\t10\n");
        Assert.Equal(RatingScale.Unary, pairs.Scale);
        Assert.Equal(3, pairs.Count);
    }

    [Fact]
    public void ReadsEveryRowAsAnInteractionWhenDeclaredImplicit()
    {
        var data = Import("1\t1\t3\t0\n1\t2\t1\t0\n", new ImportOptions { Implicit = true });
        Assert.Equal(RatingScale.Unary, data.Scale);
        Assert.Equal([1f, 1f], data.Ratings);
    }

    [Fact]
    public void KeepsCommasInsideQuotedTextIds()
    {
        var data = Import("user,item,rating\n\"Smith, J\",\"Book, The\",4\nx,y,2\n");
        Assert.Equal(["Smith, J", "x"], data.UserIds);
        Assert.Equal(["Book, The", "y"], data.ItemIds);
    }

    [Fact]
    public void CountsLinesPastBlankLines()
    {
        var error = Rejects("1\t1\t3\t0\n\n\n1\t2\tbad\t0\n");
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void RejectsAnEmptyFile()
    {
        Assert.Contains("is empty", Rejects("").Message);
        Assert.Contains("is empty", Rejects("\n  \n").Message);
    }

    [Fact]
    public void RejectsAHeaderWithoutRatings()
    {
        Assert.Contains("header but no ratings", Rejects("user,item,rating\n").Message);
    }

    [Fact]
    public void RejectsADuplicatePairNamingBothLines()
    {
        var error = Rejects("1\t1\t3\t0\n2\t1\t4\t0\n1\t1\t5\t0\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("first rated on line 1", error.Message);
    }

    [Fact]
    public void KeepsTheLastOrFirstDuplicateWhenAsked()
    {
        const string text = "1\t1\t3\t0\n2\t1\t4\t0\n1\t1\t5\t0\n";
        var last = Import(text, new ImportOptions { Duplicates = DuplicatePolicy.KeepLast });
        Assert.Equal([4f, 5f], last.Ratings);
        var first = Import(text, new ImportOptions { Duplicates = DuplicatePolicy.KeepFirst });
        Assert.Equal([3f, 4f], first.Ratings);
    }

    [Fact]
    public void ReportsAnUnreadableFileByPath()
    {
        var error = Assert.Throws<DataFormatException>(() => RatingsImporter.ImportFile("/nonexistent/ratings.csv"));
        Assert.Equal("/nonexistent/ratings.csv", error.File);
    }
}
