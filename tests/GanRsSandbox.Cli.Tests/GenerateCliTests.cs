using System.Text.Json;

namespace GanRsSandbox.Cli.Tests;

public sealed class GenerateCliTests : IDisposable
{
    private static readonly string[] Quick = ["--iterations", "200", "--pretrain-epochs", "1", "--evaluate-every", "100"];

    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-gen-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (GanrsCli.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private string Source(int users = 25, int items = 20)
    {
        var path = Path("source.csv");
        var random = new Random(1);
        var lines = new List<string> { "userId,movieId,rating" };
        for (var u = 1; u <= users; u++)
        {
            for (var i = 1; i <= items; i++)
            {
                if (random.NextDouble() < 0.5)
                {
                    lines.Add($"{u},{i},{1 + (u + 2 * i) % 5}");
                }
            }
        }
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string[] Generate(string source, string output, params string[] extra)
    {
        // Sizes default to 10 users, 8 items and 2,000 samples unless extra names them.
        var sizes = new List<string>();
        foreach (var (option, value) in new[] { ("--users", "10"), ("--items", "8"), ("--samples", "2000") })
        {
            if (!extra.Contains(option))
            {
                sizes.AddRange([option, value]);
            }
        }
        return ["generate", source, .. sizes, "--seed", "4", "--out", output, .. Quick, .. extra];
    }

    [Fact]
    public void WritesAnIntegerCsvAndTheDocumentedReport()
    {
        var source = Source();
        var (code, output, error) = Run(Generate(source, Path("synth.csv"), "--json", Path("report.json"), "--generator-out", Path("g.grsg")));
        Assert.True(code == 0, error);
        Assert.Contains("rating TVD", output);
        Assert.Contains("[gan]", error);
        var lines = File.ReadAllLines(Path("synth.csv"));
        Assert.Equal("user,item,rating", lines[0]);
        Assert.All(lines.Skip(1), line =>
        {
            var fields = line.Split(',');
            Assert.Equal(3, fields.Length);
            Assert.All(fields, f => Assert.True(int.TryParse(f, out _), line));
        });
        using var report = JsonDocument.Parse(File.ReadAllText(Path("report.json")));
        var root = report.RootElement;
        foreach (var field in new[] { "users", "items", "ratings", "collapsedPairs", "variant", "seconds", "peakMemoryMb", "fidelity" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }
        Assert.Equal(lines.Length - 1, root.GetProperty("ratings").GetInt32());
        Assert.True(root.GetProperty("collapsedPairs").GetInt64() >= 0);
        Assert.Equal("matched", root.GetProperty("variant").GetString());
        Assert.Equal(lines.Length - 1, root.GetProperty("structure").GetProperty("requestedRatings").GetInt64());
        foreach (var field in new[] { "pretrain", "gan", "sample", "cluster", "total" })
        {
            Assert.True(root.GetProperty("seconds").GetProperty(field).GetDouble() >= 0, field);
        }
        var fidelity = root.GetProperty("fidelity");
        foreach (var field in new[] { "ratingTvd", "rawRatingTvd", "meanGap", "density", "giniUsers", "giniItems", "headShare", "dcr", "userDegreeKs", "difficulty", "scorecard" })
        {
            Assert.True(fidelity.TryGetProperty(field, out _), field);
        }
        // The popularity–rating link on both sides, the source's measured when the generator was trained.
        foreach (var field in new[] { "itemPopularityRating", "userActivityRating" })
        {
            Assert.InRange(fidelity.GetProperty(field).GetProperty("source").GetDouble(), -1, 1);
            Assert.InRange(fidelity.GetProperty(field).GetProperty("synthetic").GetDouble(), -1, 1);
        }
        Assert.Contains("ρ items", output);
        var difficulty = fidelity.GetProperty("difficulty");
        Assert.True(difficulty.GetProperty("sourceReferenceRmse").GetDouble() > 0);
        Assert.True(difficulty.GetProperty("syntheticReferenceRmse").GetDouble() > 0);
        var scorecard = fidelity.GetProperty("scorecard").EnumerateArray().ToList();
        Assert.Contains(scorecard, e => e.GetProperty("metric").GetString() == "user Gini gap" && e.TryGetProperty("pass", out _) && e.TryGetProperty("target", out _));
        Assert.Contains("scorecard", output);
        Assert.True(File.Exists(Path("g.grsg")));
    }

    [Fact]
    public void TheSameSeedWritesAByteIdenticalCsvAndASavedGeneratorSkipsTraining()
    {
        var source = Source();
        Assert.Equal(0, Run(Generate(source, Path("a.csv"), "--generator-out", Path("g.grsg"))).Code);
        Assert.Equal(0, Run(Generate(source, Path("b.csv"))).Code);
        Assert.Equal(File.ReadAllBytes(Path("a.csv")), File.ReadAllBytes(Path("b.csv")));
        var (code, _, error) = Run(Generate(source, Path("c.csv"), "--generator", Path("g.grsg")));
        Assert.Equal(0, code);
        Assert.Contains("no training needed", error);
        Assert.DoesNotContain("[gan]", error);
        Assert.Equal(File.ReadAllBytes(Path("a.csv")), File.ReadAllBytes(Path("c.csv")));
    }

    [Theory]
    [InlineData("--users", "0", "--users")]
    [InlineData("--items", "-3", "--items")]
    [InlineData("--samples", "5", "--samples")]
    [InlineData("--noise-std", "0", "--noise-std")]
    [InlineData("--samples", "100000001", "--samples")]
    [InlineData("--variant", "fancy", "--variant")]
    [InlineData("--ratings", "3", "--ratings")]
    [InlineData("--ratings", "25000001", "--ratings")]
    [InlineData("--reference-fits", "6", "--reference-fits")]
    [InlineData("--targets", "gini-gap=x", "--targets")]
    [InlineData("--targets", "nonsense=1", "--targets")]
    [InlineData("--ranking-seeds", "1", "--ranking-seeds")]
    public void BadParametersExitWithTwoAndNameTheParameter(string option, string value, string named)
    {
        string[] extra = option == "--ranking-seeds" ? ["--ranking"] : [];
        var (code, _, error) = Run(["generate", Source(), "--out", Path("x.csv"), option, value, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(named, error);
        Assert.False(File.Exists(Path("x.csv")));
    }

    [Fact]
    public void AnExactSizeIsWhatTheFileHolds()
    {
        var (code, _, error) = Run(Generate(Source(), Path("exact.csv"), "--users", "12", "--items", "10", "--ratings", "30", "--reference-fits", "1"));
        Assert.True(code == 0, error);
        Assert.Equal(31, File.ReadAllLines(Path("exact.csv")).Length);
    }

    [Fact]
    public void AnExactSizeNeedsTheMatchedVariant()
    {
        var (code, _, error) = Run(Generate(Source(), Path("x.csv"), "--ratings", "30", "--variant", "stable"));
        Assert.Equal(2, code);
        Assert.Contains("--ratings", error);
        Assert.Contains("matched", error);
    }

    [Fact]
    public void TheWassersteinVariantTrainsItsOwnGeneratorWhichNoOtherVariantSamples()
    {
        var source = Source();
        var (code, _, error) = Run(Generate(source, Path("w.csv"), "--variant", "wgan", "--ratings", "30", "--reference-fits", "0", "--generator-out", Path("w.grsg")));
        Assert.True(code == 0, error);
        Assert.Contains("Wasserstein: 5 critic steps", error);
        Assert.Equal(31, File.ReadAllLines(Path("w.csv")).Length);

        (code, _, error) = Run(Generate(source, Path("x.csv"), "--generator", Path("w.grsg"), "--variant", "matched"));
        Assert.Equal(2, code);
        Assert.Contains("--variant", error);
        Assert.Contains("Wasserstein", error);
        Assert.False(File.Exists(Path("x.csv")));

        (code, _, error) = Run(Generate(source, Path("x.csv"), "--variant", "wgan", "--compare-faithful"));
        Assert.Equal(2, code);
        Assert.Contains("--compare-faithful", error);
    }

    [Fact]
    public void AnUnreadableGeneratorExitsWithTwo()
    {
        File.WriteAllText(Path("bad.grsg"), "nope");
        var (code, _, error) = Run(Generate(Source(), Path("x.csv"), "--generator", Path("bad.grsg")));
        Assert.Equal(2, code);
        Assert.Contains("--generator", error);
        Assert.Contains("not a GanRsSandbox generator", error);
    }

    [Fact]
    public void FidelityComparesTwoFilesAndRanksTheModels()
    {
        // Users need more than 10 test items each, or every model's F1@10 is the same and the ranking undefined.
        var source = Source(users: 40, items: 200);
        Assert.Equal(0, Run(Generate(source, Path("synth.csv"), "--users", "5", "--items", "150", "--samples", "6000")).Code);
        var (code, output, error) = Run("fidelity", source, Path("synth.csv"), "--ranking", "--ranking-seeds", "1,2", "--epochs", "1",
            "--targets", "gini-gap=0.5", "--json", Path("f.json"));
        Assert.True(code == 0, error);
        Assert.Contains("Kendall tau", output);
        Assert.Contains("self-agreement", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path("f.json")));
        var root = doc.RootElement;
        Assert.InRange(root.GetProperty("ratingTvd").GetDouble(), 0, 1);
        Assert.Equal("profile", root.GetProperty("dcr").GetProperty("space").GetString());
        Assert.True(root.GetProperty("giniUsers").TryGetProperty("source", out _));
        var ranking = root.GetProperty("ranking");
        foreach (var field in new[] { "protocol", "threshold", "n", "seeds", "tau", "selfAgreementTau", "bestAgrees", "worstAgrees" })
        {
            Assert.True(ranking.TryGetProperty(field, out _), field);
        }
        Assert.Contains(ranking.GetProperty("protocol").GetString(), new[] { "test-items", "thresholded" });
        Assert.Equal([1, 2], ranking.GetProperty("seeds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(6, ranking.GetProperty("models").GetArrayLength());
        var gini = root.GetProperty("scorecard").EnumerateArray().First(e => e.GetProperty("metric").GetString() == "user Gini gap");
        Assert.Equal(0.5, gini.GetProperty("target").GetDouble());
    }

    private string UsersFile(int users = 25)
    {
        var path = Path("u.user");
        File.WriteAllLines(path, Enumerable.Range(1, users).Select(u => $"{u}|{20 + u}|{(u % 3 == 0 ? "F" : "M")}|writer|0{u}"));
        return path;
    }

    [Fact]
    public void AConditionalGeneratorWritesAGroupColumnWithTheRequestedShares()
    {
        var (code, output, error) = Run(Generate(Source(), Path("cond.csv"), "--users-file", UsersFile(), "--condition", "gender",
            "--group-shares", "F=0.5,M=0.5", "--cold-users", "0.2:1", "--ratings", "40", "--reference-fits", "1", "--json", Path("cond.json")));
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path("cond.csv"));
        Assert.Equal("user,item,rating,group", lines[0]);
        var groupOf = lines.Skip(1).Select(l => l.Split(',')).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[3]);
        Assert.Equal(5, groupOf.Values.Count(v => v == "F"));
        Assert.Equal(5, groupOf.Values.Count(v => v == "M"));
        Assert.Equal(2, lines.Skip(1).GroupBy(l => l.Split(',')[0]).Count(g => g.Count() <= 1));
        Assert.Contains("gender=F: share of users", output);
        // The synthetic users' side information reads back as a users file, for fairness on the synthetic set.
        Assert.Equal("user,gender", File.ReadLines(Path("cond.users.csv")).First());
        var (evaluated, fairness, evaluateError) = Run("evaluate", Path("cond.csv"), "--models", "deepmf", "--epochs", "1",
            "--users-file", Path("cond.users.csv"), "--by", "gender,activity");
        Assert.True(evaluated == 0, evaluateError);
        Assert.Contains("F1@10 by gender", fairness);
        using var report = JsonDocument.Parse(File.ReadAllText(Path("cond.json")));
        var scenario = report.RootElement.GetProperty("fidelity").GetProperty("scenario");
        Assert.Contains(scenario.EnumerateArray(), f => f.GetProperty("metric").GetString()!.StartsWith("users with at most 1") && f.GetProperty("synthetic").GetDouble() == 0.2);
    }

    [Theory]
    [InlineData("--condition", "gender", "needs --users-file")]
    [InlineData("--group-shares", "F=1", "needs a conditional generator")]
    [InlineData("--group-shares", "F=x", "is not VALUE=SHARE")]
    [InlineData("--cold-users", "0.3", "is not SHARE:K")]
    [InlineData("--cold-users", "0.3:8", "cold cap")]
    [InlineData("--rating-shares", "1=0.5", "sum to 1")]
    [InlineData("--popularity-skew", "10", "--popularity-skew")]
    public void ContradictoryScenariosExitWithTwo(string option, string value, string message)
    {
        var (code, _, error) = Run(Generate(Source(), Path("x.csv"), option, value));
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(File.Exists(Path("x.csv")));
    }

    [Fact]
    public void PopularityAndLikingUnlinkedIsAMatchedScenario()
    {
        var (code, _, error) = Run(Generate(Source(), Path("x.csv"), "--no-popularity-liking", "--variant", "stable"));
        Assert.Equal(2, code);
        Assert.Contains("popularity-liking", error);
        Assert.False(File.Exists(Path("x.csv")));
    }

    [Fact]
    public void AnUnknownAttributeOrABadUsersFileIsNamed()
    {
        var (code, _, error) = Run(Generate(Source(users: 40), Path("x.csv"), "--users-file", UsersFile(40), "--condition", "zip"));
        Assert.Equal(2, code);
        Assert.Contains("more than 32 distinct values", error);
        (code, _, error) = Run(Generate(Source(), Path("x.csv"), "--users-file", UsersFile(), "--condition", "height"));
        Assert.Equal(2, code);
        Assert.Contains("no user attribute 'height'", error);
        File.WriteAllText(Path("bad.user"), "1|20|F|writer|0\n");
        (code, _, error) = Run(Generate(Source(), Path("x.csv"), "--users-file", Path("bad.user"), "--condition", "gender"));
        Assert.Equal(3, code);
        Assert.Contains("bad.user", error);
    }
}
