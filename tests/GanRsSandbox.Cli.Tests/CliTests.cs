using System.Text.Json;

namespace GanRsSandbox.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GanrsCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A u.data-style file: 30 users x 20 items, every other pair rated, ratings following a simple taste rule.</summary>
    private string SmallDataset()
    {
        var lines = new List<string>();
        for (var u = 1; u <= 30; u++)
        {
            for (var i = 1; i <= 20; i++)
            {
                if ((u + i) % 2 == 0)
                {
                    lines.Add($"{u}\t{i}\t{1 + (u * 7 + i * 3) % 5}\t0");
                }
            }
        }
        return Write("small.data", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void StatsWritesTheDocumentedJson()
    {
        var json = Path.Combine(_folder, "stats.json");
        var (code, output, _) = Run("stats", SmallDataset(), "--json", json);
        Assert.Equal(0, code);
        Assert.Contains("users", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(30, root.GetProperty("users").GetInt32());
        Assert.Equal(20, root.GetProperty("items").GetInt32());
        Assert.Equal(300, root.GetProperty("ratings").GetInt32());
        Assert.Equal(0.5, root.GetProperty("density").GetDouble(), 9);
        Assert.Equal(1, root.GetProperty("scale").GetProperty("min").GetInt32());
        Assert.Equal(5, root.GetProperty("scale").GetProperty("max").GetInt32());
        Assert.Equal(300, root.GetProperty("histogram").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(0, root.GetProperty("giniUsers").GetDouble(), 9);
        Assert.True(root.TryGetProperty("giniItems", out _));
        Assert.True(root.TryGetProperty("mean", out _));
    }

    [Fact]
    public void ABareJsonFlagWritesOnlyJsonToStdout()
    {
        var (code, output, error) = Run("stats", SmallDataset(), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(30, doc.RootElement.GetProperty("users").GetInt32());
        Assert.Contains("gini users", error);
    }

    [Fact]
    public void EvaluateWritesEveryModelThresholdAndN()
    {
        var json = Path.Combine(_folder, "eval.json");
        var (code, output, error) = Run("evaluate", SmallDataset(), "--epochs", "1", "--json", json);
        Assert.True(code == 0, error);
        Assert.Contains("ncf-binary", output);
        Assert.Contains("epoch 1/1", error);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("test-items", root.GetProperty("protocol").GetString());
        Assert.Equal(42, root.GetProperty("seed").GetInt32());
        Assert.Equal(300, root.GetProperty("dataset").GetProperty("ratings").GetInt32());
        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["deepmf", "vdeepmf", "ncf", "ncf-classification", "ncf-improved", "ncf-binary"], models.Select(m => m.GetProperty("name").GetString()));
        foreach (var model in models)
        {
            Assert.Equal(1, model.GetProperty("epochs").GetInt32());
            Assert.Equal(32, model.GetProperty("batch").GetInt32());
            Assert.True(model.GetProperty("trainSeconds").GetDouble() > 0);
            Assert.True(model.GetProperty("samplesPerSecond").GetDouble() > 0);
            var binary = model.GetProperty("name").GetString() == "ncf-binary";
            Assert.Equal(binary ? JsonValueKind.Null : JsonValueKind.Number, model.GetProperty("rmse").ValueKind);
            Assert.Equal(binary ? JsonValueKind.Null : JsonValueKind.Number, model.GetProperty("mae").ValueKind);
            var curves = model.GetProperty("curves").EnumerateArray().ToList();
            Assert.Equal(10, curves.Count);
            Assert.Equal([4, 5], curves.Select(c => c.GetProperty("threshold").GetInt32()).Distinct());
            Assert.Equal([2, 4, 6, 8, 10], curves.Select(c => c.GetProperty("n").GetInt32()).Distinct());
            foreach (var c in curves)
            {
                foreach (var metric in new[] { "precision", "recall", "f1" })
                {
                    Assert.InRange(c.GetProperty(metric).GetDouble(), 0, 1);
                }
            }
        }
    }

    [Fact]
    public void AnImportedDatasetReadsBackWithTheSameStats()
    {
        var binary = Path.Combine(_folder, "small.grsd");
        var (code, output, _) = Run("import", SmallDataset(), "--out", binary);
        Assert.Equal(0, code);
        Assert.Contains("300 ratings", output);
        var fromText = Path.Combine(_folder, "a.json");
        var fromBinary = Path.Combine(_folder, "b.json");
        Assert.Equal(0, Run("stats", SmallDataset(), "--json", fromText).Code);
        Assert.Equal(0, Run("stats", binary, "--json", fromBinary).Code);
        Assert.Equal(File.ReadAllText(fromText), File.ReadAllText(fromBinary));
    }

    [Fact]
    public void EvaluateIsReproducibleForTheSameSeed()
    {
        var data = SmallDataset();
        var first = Path.Combine(_folder, "a.json");
        var second = Path.Combine(_folder, "b.json");
        Assert.Equal(0, Run("evaluate", data, "--models", "ncf,vdeepmf", "--epochs", "2", "--seed", "5", "--json", first).Code);
        Assert.Equal(0, Run("evaluate", data, "--models", "ncf,vdeepmf", "--epochs", "2", "--seed", "5", "--json", second).Code);
        static string Metrics(string path) => string.Join(";", JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("models")
            .EnumerateArray().Select(m => m.GetProperty("rmse").GetDouble() + ":" + m.GetProperty("curves").GetRawText()));
        Assert.Equal(Metrics(first), Metrics(second));
    }

    [Fact]
    public void ANonNumericRatingOnLineSevenExitsWithThreeAndNamesTheLine()
    {
        var lines = string.Concat(Enumerable.Range(1, 6).Select(i => $"{i}\t{i}\t4\t0\n")) + "7\t7\tx\t0\n";
        var (code, _, error) = Run("evaluate", Write("bad.data", lines));
        Assert.Equal(3, code);
        Assert.Contains("bad.data:7", error);
        Assert.Contains("'x' is not a number", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void StatsBreaksTheItemsDownByGenreFromUItemMoviesDatOrACsv()
    {
        // u.item: 19 genre flags; items 1-10 Action, 11-20 Comedy, item 1 also Drama. Item 99 has no ratings: skipped.
        static string Flags(params int[] genres) => string.Join('|', Enumerable.Range(0, 19).Select(g => genres.Contains(g) ? "1" : "0"));
        var uItem = Write("u.item", string.Join('\n', Enumerable.Range(1, 20).Append(99)
            .Select(i => $"{i}|Film {i} (1995)|01-Jan-1995||http://x|{Flags(i <= 10 ? (i == 1 ? [1, 8] : [1]) : [5])}")) + "\n");
        var (code, output, error) = Run("stats", SmallDataset(), "--items-file", uItem);
        Assert.True(code == 0, error);
        Assert.Contains("items by genre", output);
        Assert.Matches(@"Action\s+10 items\s+50\.0 %", output);
        Assert.Matches(@"Drama\s+1 items\s+5\.0 %", output);

        var moviesDat = Write("movies.dat", string.Join('\n', Enumerable.Range(1, 20).Select(i => $"{i}::Film {i}::{(i <= 10 ? "Action|Drama" : "Comedy")}")) + "\n");
        (code, output, _) = Run("stats", SmallDataset(), "--items-file", moviesDat);
        Assert.Equal(0, code);
        Assert.Matches(@"Drama\s+10 items", output);

        // movies.csv: a quoted title holds a comma; titles are unique, so only genres group.
        var csv = Write("movies.csv", "movieId,title,genres\n" + string.Join('\n', Enumerable.Range(1, 20).Select(i => $"{i},\"Film, the {i}\",{(i % 2 == 0 ? "Horror" : "Comedy|Romance")}")) + "\n");
        (code, output, error) = Run("stats", SmallDataset(), "--items-file", csv);
        Assert.True(code == 0, error);
        Assert.Contains("items by genres", output);
        Assert.DoesNotContain("items by title", output);
        Assert.Matches(@"Romance\s+10 items", output);
    }

    [Fact]
    public void A_bad_items_file_names_its_line_and_field()
    {
        var missing = Write("few.dat", string.Join('\n', Enumerable.Range(1, 19).Select(i => $"{i}::Film::Drama")) + "\n");
        var (code, _, error) = Run("stats", SmallDataset(), "--items-file", missing);
        Assert.Equal(3, code);
        Assert.Contains("1 item(s) of the dataset have no row, the first '20'", error);

        var twice = Write("twice.csv", "item,genre\n1,Drama\n1,Comedy\n");
        (code, _, error) = Run("stats", SmallDataset(), "--items-file", twice);
        Assert.Equal(3, code);
        Assert.Contains("twice.csv:3", error);
        Assert.Contains("second row", error);

        var shortRow = Write("short.csv", "item,genre,year\n1,Drama\n");
        (code, _, error) = Run("stats", SmallDataset(), "--items-file", shortRow);
        Assert.Equal(3, code);
        Assert.Contains("short.csv:2", error);
        Assert.Contains("expected 3 fields", error);

        (code, _, error) = Run("stats", SmallDataset(), "--items-file", Path.Combine(_folder, "nowhere.item"));
        Assert.Equal(2, code);
        Assert.Contains("--items-file", error);
    }

    [Fact]
    public void StatsBreaksTheUsersDownByASideInformationFile()
    {
        var users = Write("u.user", string.Join('\n', Enumerable.Range(1, 30).Select(u => $"{u}|{20 + u}|{(u <= 10 ? "F" : "M")}|writer|0{u}")) + "\n");
        var (code, output, _) = Run("stats", SmallDataset(), "--users-file", users);
        Assert.Equal(0, code);
        Assert.Contains("by gender", output);
        Assert.Matches(@"M\s+20 users\s+66\.7 %", output);
        Assert.Matches(@"F\s+10 users\s+33\.3 %", output);
        Assert.Contains("by occupation", output);
        var json = Path.Combine(_folder, "groups.json");
        Assert.Equal(0, Run("stats", SmallDataset(), "--users-file", users, "--json", json).Code);
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
        {
            var gender = doc.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("attribute").GetString() == "gender");
            var men = gender.GetProperty("groups")[0];
            Assert.Equal("M", men.GetProperty("value").GetString());
            Assert.Equal(20, men.GetProperty("users").GetInt32());
            Assert.Equal(1.0, men.GetProperty("ratingShares").EnumerateObject().Sum(p => p.Value.GetDouble()), 9);
        }

        var unknown = Write("bad.user", "1|20|F|writer|0\n99|20|F|writer|0\n");
        var (badCode, _, error) = Run("stats", SmallDataset(), "--users-file", unknown);
        Assert.Equal(3, badCode);
        Assert.Contains("bad.user:2: field 'user': user '99' has no ratings in the dataset", error);
        Assert.Equal(2, Run("stats", SmallDataset(), "--users-file", Path.Combine(_folder, "missing.user")).Code);
    }

    [Fact]
    public void EvaluateBreaksTheCurvesDownByGroupAndActivity()
    {
        var users = Write("u.user", string.Join('\n', Enumerable.Range(1, 30).Select(u => $"{u}|{20 + u}|{(u <= 10 ? "F" : "M")}|writer|0{u}")) + "\n");
        var json = Path.Combine(_folder, "fair.json");
        var (code, output, error) = Run("evaluate", SmallDataset(), "--models", "deepmf", "--epochs", "1", "--users-file", users, "--by", "gender,activity", "--json", json);
        Assert.True(code == 0, error);
        Assert.Contains("F1@10 by gender", output);
        Assert.Contains("F1@10 by activity", output);
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
        {
            var segments = doc.RootElement.GetProperty("models")[0].GetProperty("segments");
            Assert.Equal(5, segments.GetArrayLength());
            int Users(string attribute) => segments.EnumerateArray().Where(s => s.GetProperty("attribute").GetString() == attribute).Sum(s => s.GetProperty("users").GetInt32());
            // Every user with test ratings is in one group of each segmentation.
            Assert.InRange(Users("gender"), 20, 30);
            Assert.Equal(Users("gender"), Users("activity"));
        }
        Assert.Equal(0, Run("evaluate", SmallDataset(), "--models", "deepmf", "--epochs", "1", "--by", "activity").Code);
        var (noFile, _, noFileError) = Run("evaluate", SmallDataset(), "--models", "deepmf", "--by", "gender");
        Assert.Equal(2, noFile);
        Assert.Contains("needs --users-file", noFileError);
        var (noBy, _, noByError) = Run("evaluate", SmallDataset(), "--models", "deepmf", "--users-file", users);
        Assert.Equal(2, noBy);
        Assert.Contains("--by", noByError);
        Assert.Equal(2, Run("evaluate", SmallDataset(), "--models", "deepmf", "--users-file", users, "--by", "height").Code);
    }

    [Theory]
    [InlineData("empty.data", "", "is empty")]
    [InlineData("dup.data", "1\t1\t4\t0\n1\t1\t5\t0\n", "duplicate rating")]
    [InlineData("cols.data", "1\t1\t4\t0\n2\t2\n", "expected at least 3 fields")]
    public void BadDataExitsWithThree(string name, string content, string message)
    {
        var (code, _, error) = Run("stats", Write(name, content));
        Assert.Equal(3, code);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("stats", "/no/such/file.data")]
    [InlineData("frobnicate")]
    [InlineData("evaluate", "DATA", "--models", "deepmf,svd")]
    [InlineData("evaluate", "DATA", "--protocol", "sideways")]
    [InlineData("evaluate", "DATA", "--epochs", "0")]
    [InlineData("evaluate", "DATA", "--test-ratio", "1.5")]
    [InlineData("evaluate", "DATA", "--n", "2,x")]
    [InlineData("evaluate", "DATA", "--thresholds", "9")]
    [InlineData("evaluate", "DATA", "--device", "tpu")]
    [InlineData("evaluate", "DATA", "--colour", "red")]
    [InlineData("evaluate", "DATA", "--seed")]
    [InlineData("evaluate", "DATA", "--json", "/no/such/folder/report.json")]
    [InlineData("import", "DATA", "--out", "/no/such/folder/data.grsd")]
    public void BadArgumentsExitWithTwo(params string[] args)
    {
        var data = SmallDataset();
        var (code, _, error) = Run(args.Select(a => a == "DATA" ? data : a).ToArray());
        Assert.Equal(2, code);
        Assert.StartsWith("ganrs: ", error);
    }
}
