using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Tests;

public sealed class PredictionsArchiveTests
{
    [Fact]
    public void Equal_evaluations_write_byte_equal_archives_that_carry_no_write_time()
    {
        var data = TestData.LowRank(users: 30, items: 20, density: 0.5);
        var split = DatasetSplit.Ratio(data.Count, 0.2, 1);
        var evaluation = BaselineEvaluator.TrainAndEvaluate(BaselineKind.Ncf, data, split, new BaselineOptions { Seed = 1, Epochs = 1 },
            EvaluationSettings.PaperDefaults(data.Scale));

        byte[] Archive()
        {
            using var buffer = new MemoryStream();
            PredictionsFile.WriteArchive(buffer, evaluation, data, split);
            return buffer.ToArray();
        }
        var first = Archive();

        Assert.Equal(first, Archive());
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(first));
        Assert.Equal(["ncf.predictions.csv", "ncf.top-n.csv"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(2000, e.LastWriteTime.Year));
    }
}
