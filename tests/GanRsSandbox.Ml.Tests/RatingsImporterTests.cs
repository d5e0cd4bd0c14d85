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
        Assert.Contains("outside the scale 1..5", error.Message);
    }

    [Fact]
    public void RejectsARatingOutsideEverySupportedScale()
    {
        var error = Rejects("1\t1\t3\t0\n1\t2\t11\t0\n1\t3\t4\t0\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("outside the supported scales", error.Message);
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
