using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Tests;

public sealed class DatasetExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RatingsDataset Source() => RatingsImporter.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
        "userId,movieId,rating\n\"Smith, J\",B1,4.5\nu2,B1,0.5\nu2,\"Book \"\"X\"\"\",3\nu3,B2,5\n")), "source.csv");

    private RatingsDataset RoundTrip(RatingsDataset data, ExportFormat format)
    {
        var path = Path.Combine(_folder, "export" + format.Extension());
        DatasetExport.Save(data, format, path);
        return format == ExportFormat.Parquet ? DatasetExport.ReadParquet(path) : RatingsImporter.ImportFile(path);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.RecBole)]
    [InlineData(ExportFormat.Parquet)]
    public void EveryFormatImportsBackToTheSameRatingsIdsAndStats(ExportFormat format)
    {
        var source = Source();
        var copy = RoundTrip(source, format);
        Assert.Equal(source.UserIds, copy.UserIds);
        Assert.Equal(source.ItemIds, copy.ItemIds);
        Assert.Equal(source.Ratings, copy.Ratings);
        Assert.Equal(source.Scale, copy.Scale);
        Assert.Equal(DatasetStats.Compute(source) with { Histogram = null! }, DatasetStats.Compute(copy) with { Histogram = null! });
        Assert.Equal(DatasetStats.Compute(source).Histogram, DatasetStats.Compute(copy).Histogram);
    }

    [Fact]
    public void TheRecBoleFileHasItsTypedHeader()
    {
        var path = Path.Combine(_folder, "x.inter");
        DatasetExport.Save(Source(), ExportFormat.RecBole, path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("user_id:token\titem_id:token\trating:float", lines[0]);
        Assert.Equal("Smith, J\tB1\t4.5", lines[1]);
    }

    [Fact]
    public void ASyntheticSetRoundTripsInEveryFormat()
    {
        var synthetic = DemoDataset.Create(3);
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var copy = RoundTrip(synthetic, format);
            Assert.Equal(synthetic.Count, copy.Count);
            Assert.Equal(DatasetStats.Compute(synthetic).Histogram, DatasetStats.Compute(copy).Histogram);
            Assert.Equal(DatasetStats.Compute(synthetic).GiniItems, DatasetStats.Compute(copy).GiniItems, 12);
        }
    }
}
