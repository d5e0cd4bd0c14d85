using System.Globalization;
using System.Text.Json;
using GanRsSandbox.Tests.Shared;

namespace GanRsSandbox.Cli.Tests;

/// <summary>
/// The predictions file lets a user recompute the reported metrics: here with a deliberately plain implementation
/// that shares no code with the engine's.
/// </summary>
public sealed class PredictionsOutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-pred-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Source()
    {
        var random = new Random(5);
        var lines = new List<string>();
        for (var u = 1; u <= 40; u++)
        {
            for (var i = 1; i <= 30; i++)
            {
                if (random.NextDouble() < 0.45)
                {
                    lines.Add($"{u}\t{i}\t{1 + (u * 3 + i * 5 + random.Next(2)) % 5}\t0");
                }
            }
        }
        var path = Path.Combine(_folder, "source.data");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void ThePredictionsFileReproducesEveryReportedF1()
    {
        var json = Path.Combine(_folder, "eval.json");
        var predictions = Path.Combine(_folder, "predictions");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GanrsCli.Run(["evaluate", Source(), "--epochs", "2", "--json", json, "--predictions-out", predictions], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var model in report.RootElement.GetProperty("models").EnumerateArray())
        {
            var name = model.GetProperty("name").GetString()!;
            var rows = File.ReadLines(Path.Combine(predictions, $"{name}.predictions.csv")).Skip(1)
                .Select(l => l.Split(','))
                .Select(f => (User: f[0], Rating: double.Parse(f[2], CultureInfo.InvariantCulture), Score: double.Parse(f[3], CultureInfo.InvariantCulture)))
                .ToList();
            Assert.True(File.Exists(Path.Combine(predictions, $"{name}.top-n.csv")));
            foreach (var point in model.GetProperty("curves").EnumerateArray())
            {
                var (precision, recall, f1) = IndependentMetrics.Recompute(rows, point.GetProperty("threshold").GetDouble(), point.GetProperty("n").GetInt32());
                Assert.Equal(point.GetProperty("precision").GetDouble(), precision, 1e-9);
                Assert.Equal(point.GetProperty("recall").GetDouble(), recall, 1e-9);
                Assert.Equal(point.GetProperty("f1").GetDouble(), f1, 1e-9);
            }
        }
    }
}
