using System.Globalization;
using System.IO.Compression;
using System.Text;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// A model's test-set predictions and top-N lists as CSV, so that a user can recompute every metric with their own
/// tools. <c>MODEL.predictions.csv</c> holds <c>user,item,rating,score,prediction</c> in the split's order (rating is
/// the held-out truth; score is what the ranking sorts by; prediction is the predicted rating, empty for ncf-binary).
/// <c>MODEL.top-n.csv</c> holds <c>user,rank,item,score,rating</c>: each test user's test items ranked by score,
/// ties in file order, as the test-items protocol ranks them. Floats are written in their shortest exact form.
/// </summary>
public static class PredictionsFile
{
    public static void Write(string folder, ModelEvaluation evaluation, RatingsDataset data, DatasetSplit split)
    {
        var predictions = Of(evaluation);
        Directory.CreateDirectory(folder);
        ArtifactFile.Write(Path.Combine(Path.GetFullPath(folder), PredictionsName(evaluation.Kind)), stream => WriteCsv(stream, w => WritePredictions(w, predictions, data, split)));
        ArtifactFile.Write(Path.Combine(Path.GetFullPath(folder), TopNName(evaluation.Kind)), stream => WriteCsv(stream, w => WriteTopN(w, predictions, data, split)));
    }

    /// <summary>Both files in one zip archive, for a download: what the web serves per trained model.</summary>
    public static void WriteArchive(Stream output, ModelEvaluation evaluation, RatingsDataset data, DatasetSplit split)
    {
        var predictions = Of(evaluation);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = Entry(zip, PredictionsName(evaluation.Kind)).Open())
        {
            WriteCsv(entry, w => WritePredictions(w, predictions, data, split));
        }
        using (var entry = Entry(zip, TopNName(evaluation.Kind)).Open())
        {
            WriteCsv(entry, w => WriteTopN(w, predictions, data, split));
        }
    }

    /// <summary>
    /// An entry stamped with a fixed time instead of now: equal trainings then write equal archives, which the artifact
    /// store keeps as one file (and a twin's archive hashes as its twin's).
    /// </summary>
    private static ZipArchiveEntry Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = FixedTime;
        return entry;
    }

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string PredictionsName(BaselineKind kind) => $"{kind.Name()}.predictions.csv";

    public static string TopNName(BaselineKind kind) => $"{kind.Name()}.top-n.csv";

    private static Predictions Of(ModelEvaluation evaluation) =>
        evaluation.TestPredictions ?? throw new ArgumentException($"{evaluation.Kind.Name()} was evaluated without keeping its predictions");

    private static void WriteCsv(Stream stream, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        write(writer);
    }

    private static void WritePredictions(TextWriter writer, Predictions predictions, RatingsDataset data, DatasetSplit split)
    {
        var test = split.Test;
        writer.WriteLine("user,item,rating,score,prediction");
        for (var i = 0; i < test.Length; i++)
        {
            var row = test[i];
            writer.WriteLine(string.Join(',', DatasetExport.CsvField(data.UserIds[data.Users[row]]), DatasetExport.CsvField(data.ItemIds[data.Items[row]]),
                Number(data.Ratings[row]), Number(predictions.Score[i]), predictions.Rating is { } r ? Number(r[i]) : ""));
        }
    }

    private static void WriteTopN(TextWriter writer, Predictions predictions, RatingsDataset data, DatasetSplit split)
    {
        var test = split.Test;
        writer.WriteLine("user,rank,item,score,rating");
        foreach (var positions in BaselineEvaluator.GroupByUser(Array.ConvertAll(test, r => data.Users[r])))
        {
            // A stable sort by descending score: ties keep the file's order, as the metrics do.
            var ranked = positions.Select((p, order) => (p, order)).OrderByDescending(x => predictions.Score[x.p]).ThenBy(x => x.order).ToArray();
            for (var rank = 0; rank < ranked.Length; rank++)
            {
                var row = test[ranked[rank].p];
                writer.WriteLine(string.Join(',', DatasetExport.CsvField(data.UserIds[data.Users[row]]), (rank + 1).ToString(CultureInfo.InvariantCulture),
                    DatasetExport.CsvField(data.ItemIds[data.Items[row]]), Number(predictions.Score[ranked[rank].p]), Number(data.Ratings[row])));
            }
        }
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
