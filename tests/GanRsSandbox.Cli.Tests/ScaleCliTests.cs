using System.Globalization;
using System.Text.Json;

namespace GanRsSandbox.Cli.Tests;

/// <summary>Sources on other scales than 1..5: half stars with MovieLens latest's header, and implicit feedback.</summary>
public sealed class ScaleCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-scale-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (GanrsCli.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    /// <summary>30 users x 24 items, about half rated, on half stars 0.5..5 with ratings.csv's header.</summary>
    private string HalfStars()
    {
        var random = new Random(3);
        var lines = new List<string> { "userId,movieId,rating,timestamp" };
        for (var u = 1; u <= 30; u++)
        {
            for (var i = 1; i <= 24; i++)
            {
                if (random.NextDouble() < 0.5)
                {
                    var rating = 0.5 * (1 + (u * 7 + i * 3) % 10);
                    lines.Add(FormattableString.Invariant($"{u},{i},{rating:0.0},96498{u:000}"));
                }
            }
        }
        File.WriteAllLines(Path("ratings.csv"), lines);
        return Path("ratings.csv");
    }

    private string Interactions()
    {
        var lines = new List<string> { "user_id,item_id" };
        for (var u = 1; u <= 30; u++)
        {
            for (var i = 1; i <= 24; i++)
            {
                if ((u * i) % 3 != 0)
                {
                    lines.Add($"u{u},i{i}");
                }
            }
        }
        File.WriteAllLines(Path("plays.csv"), lines);
        return Path("plays.csv");
    }

    [Fact]
    public void StatsShowEveryHalfStarValue()
    {
        var (code, _, error) = Run("stats", HalfStars(), "--json", Path("stats.json"));
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path("stats.json")));
        var histogram = doc.RootElement.GetProperty("histogram").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"], histogram);
        Assert.Equal(0.5, doc.RootElement.GetProperty("scale").GetProperty("step").GetDouble());
    }

    [Fact]
    public void EvaluatesAllSixModelsAtTheTwoHighestHalfStars()
    {
        var (code, _, error) = Run("evaluate", HalfStars(), "--epochs", "1", "--json", Path("eval.json"));
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path("eval.json")));
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(6, models.Count);
        foreach (var model in models)
        {
            Assert.Equal([4.5, 5], model.GetProperty("curves").EnumerateArray().Select(c => c.GetProperty("threshold").GetDouble()).Distinct());
        }
    }

    [Fact]
    public void GeneratesHalfStarRatings()
    {
        var output = Path("synth.csv");
        var (code, _, error) = Run("generate", HalfStars(), "--users", "10", "--items", "8", "--samples", "2000", "--seed", "4",
            "--out", output, "--iterations", "200", "--pretrain-epochs", "1", "--evaluate-every", "100");
        Assert.True(code == 0, error);
        var ratings = File.ReadLines(output).Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(ratings);
        Assert.All(ratings, r => Assert.True(r is >= 0.5 and <= 5 && r * 2 == Math.Round(r * 2), $"{r} is not a half star"));
        Assert.Contains(ratings, r => r != Math.Floor(r));
    }

    [Fact]
    public void ADeclaredScaleIsReadAndABadOneExitsWithTwo()
    {
        Assert.Equal(0, Run("stats", HalfStars(), "--scale", "0.5..5").Code);
        var (code, _, error) = Run("stats", HalfStars(), "--scale", "5..1");
        Assert.Equal(2, code);
        Assert.Contains("--scale: '5..1' has its maximum", error);
        var contradiction = Run("stats", HalfStars(), "--scale", "1..5", "--implicit");
        Assert.Equal(2, contradiction.Code);
        Assert.Contains("contradict", contradiction.Err);
    }

    [Fact]
    public void ARatingOffTheDeclaredScaleExitsWithThreeNamingTheLine()
    {
        var (code, _, error) = Run("stats", HalfStars(), "--scale", "1..5");
        Assert.Equal(3, code);
        Assert.Matches(@"ratings\.csv:\d+: field 'rating': rating \d\.5 is not on the scale 1\.\.5", error);
    }

    [Fact]
    public void ImplicitFeedbackEvaluatesNcfBinaryUnderAllItemsAndRefusesTheRest()
    {
        var plays = Interactions();
        var (code, output, error) = Run("evaluate", plays, "--epochs", "2");
        Assert.True(code == 0, error);
        Assert.Contains("ncf-binary under all-items", error);
        Assert.Contains("ncf-binary", output);

        var deepMf = Run("evaluate", plays, "--models", "deepmf", "--epochs", "1");
        Assert.Equal(2, deepMf.Code);
        Assert.Contains("deepmf learns ratings", deepMf.Err);
        var testItems = Run("evaluate", plays, "--protocol", "test-items", "--epochs", "1");
        Assert.Equal(2, testItems.Code);
        Assert.Contains("precision 1", testItems.Err);
        var generate = Run("generate", plays, "--out", Path("x.csv"));
        Assert.Equal(2, generate.Code);
        Assert.Contains("implicit feedback", generate.Err);
    }
}
