using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Scenarios;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Tests;

public sealed class ScenarioTests
{
    private static readonly SampleOptions Small = new() { Users = 40, Items = 30, Samples = 6000, Seed = 5, ChunkSize = 1000, ReferenceFits = 0 };

    /// <summary>A third of the users ("F") rate high, the rest ("M") low, so that the groups' histograms differ.</summary>
    private static readonly Lazy<(RatingsDataset Source, UserGrouping Groups, GanrsModel Model)> Conditional = new(() =>
    {
        var plain = TestData.LowRank(users: 60, items: 40, density: 0.5);
        var ratings = plain.Ratings.Select((r, j) => plain.Users[j] < 20 ? Math.Min(5, r + 1) : Math.Max(1, r - 1)).ToArray();
        var source = RatingsDataset.FromIndices("groups", plain.Users, plain.Items, ratings, plain.UserCount, plain.ItemCount, plain.Scale);
        var groups = new UserGrouping("gender", ["F", "M"], Enumerable.Range(0, 60).Select(u => u < 20 ? 0 : 1).ToArray());
        return (source, groups, GanrsTrainer.Train(source, GanrsTests.Tiny, condition: groups));
    });

    private static readonly Lazy<GanrsModel> Plain = new(() => GanrsTrainer.Train(TestData.Skewed(users: 60, items: 40), GanrsTests.Tiny));

    private static double[] Histogram(RatingsDataset data, Func<int, bool> user)
    {
        var counts = new double[data.Scale.Classes];
        for (var r = 0; r < data.Count; r++)
        {
            if (user(data.Users[r]))
            {
                counts[data.Scale.ClassOf(data.Ratings[r])]++;
            }
        }
        var total = counts.Sum();
        return counts.Select(c => c / total).ToArray();
    }

    [Fact]
    public void AConditionalGeneratorGivesEachGroupTheSourcesShareAndHistogram()
    {
        var (_, _, model) = Conditional.Value;
        Assert.Equal("gender", model.Condition!.Attribute);
        Assert.Equal(1.0 / 3, model.Condition.UserShares[0], 9);
        var result = SyntheticSampler.Sample(model, Small);
        var groups = result.UserGroups!;
        Assert.Equal(["F", "M"], groups.Values);
        Assert.Equal(13, groups.Sizes()[0]); // a third of 40, rounded
        for (var g = 0; g < 2; g++)
        {
            var synthetic = Histogram(result.Dataset, u => groups.GroupOfUser[u] == g);
            Assert.True(FidelityMetrics.Tvd(model.Condition.RatingShares[g], synthetic) <= 0.05, $"group {g}");
        }
        // The groups really differ, so matching each one is not matching the whole.
        Assert.True(FidelityMetrics.Tvd(model.Condition.RatingShares[0], model.Condition.RatingShares[1]) > 0.3);
        var again = SyntheticSampler.Sample(model, Small);
        Assert.Equal(result.Dataset.Ratings, again.Dataset.Ratings);
        Assert.Equal(result.Dataset.Users, again.Dataset.Users);
    }

    [Fact]
    public void GroupSharesAreWhatTheRequestSays()
    {
        var (_, _, model) = Conditional.Value;
        var result = SyntheticSampler.Sample(model, Small with { GroupShares = new Dictionary<string, double> { ["F"] = 0.5, ["M"] = 0.5 } });
        Assert.Equal([20, 20], result.UserGroups!.Sizes());
        var onlyMen = SyntheticSampler.Sample(model, Small with { GroupShares = new Dictionary<string, double> { ["M"] = 1 } });
        Assert.Equal([0, 40], onlyMen.UserGroups!.Sizes());
        Assert.Equal(40, DatasetStats.Compute(onlyMen.Dataset).Users);
    }

    [Fact]
    public void TheConditionSurvivesSavingAndTheExportCarriesTheGroups()
    {
        var (_, _, model) = Conditional.Value;
        var path = Path.Combine(Directory.CreateTempSubdirectory("ganrs-cond-").FullName, "g.grsg");
        model.Save(path);
        var loaded = GanrsModel.Load(path);
        Assert.Equal(model.Condition!.Values, loaded.Condition!.Values);
        Assert.Equal(model.Condition.RatingShares, loaded.Condition.RatingShares);
        var result = SyntheticSampler.Sample(loaded, Small);
        Assert.Equal(SyntheticSampler.Sample(model, Small).Dataset.Ratings, result.Dataset.Ratings);

        using var stream = new MemoryStream();
        DatasetExport.Write(result.Dataset, ExportFormat.Csv, stream, result.UserGroups);
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("user,item,rating,group", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@",(F|M)$", l));
        var csv = TestData.WriteTemp(string.Join('\n', lines), ".csv");
        var back = RatingsImporter.ImportFile(csv);
        Assert.Equal(result.Dataset.Count, back.Count);
    }

    [Fact]
    public void ContradictoryRequestsAreRefusedNamingTheOption()
    {
        var (_, _, conditional) = Conditional.Value;
        var plain = Plain.Value;
        void Refused(string option, Action act) => Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(act).ParamName);
        Refused("group-shares", () => SyntheticSampler.Sample(plain, Small with { GroupShares = new Dictionary<string, double> { ["F"] = 1 } }));
        Refused("group-shares", () => SyntheticSampler.Sample(conditional, Small with { GroupShares = new Dictionary<string, double> { ["X"] = 1 } }));
        Refused("group-shares", () => (Small with { GroupShares = new Dictionary<string, double> { ["F"] = 0.7, ["M"] = 0.7 } }).Validate());
        Refused("variant", () => SyntheticSampler.Sample(conditional, Small with { Variant = GanrsVariant.Stable }));
        Refused("cold-users", () => (Small with { ColdUsers = new ColdStart(0.3, 5), Variant = GanrsVariant.Stable }).Validate());
        Refused("cold-users", () => (Small with { ColdUsers = new ColdStart(1.5, 5) }).Validate());
        Refused("cold-users", () => (Small with { ColdUsers = new ColdStart(0.3, 30) }).Validate());
        Refused("cold-items", () => (Small with { ColdItems = new ColdStart(0.001, 2) }).Validate());
        Refused("rating-shares", () => (Small with { RatingShares = new Dictionary<double, double> { [1] = 0.5, [2] = 0.2 } }).Validate());
        Refused("rating-shares", () => SyntheticSampler.Sample(plain, Small with { RatingShares = new Dictionary<double, double> { [7] = 1 } }));
        Refused("popularity-skew", () => (Small with { PopularitySkew = 9 }).Validate());
        Refused("cold-users", () => SyntheticSampler.Sample(plain, Small with { Ratings = 45, ColdUsers = new ColdStart(0.5, 1) }));
    }

    [Fact]
    public void ColdUsersAreExactlyTheShareAskedForAndTheSizeHolds()
    {
        var result = SyntheticSampler.Sample(Plain.Value, Small with { Ratings = 240, ColdUsers = new ColdStart(0.3, 2), ColdItems = new ColdStart(0.2, 3) });
        Assert.True(result.Dataset.Count == 240, $"{result.Dataset.Count} ratings, {result.Structure}");
        var users = DatasetStats.Degrees(result.Dataset.Users, 40);
        var items = DatasetStats.Degrees(result.Dataset.Items, 30);
        Assert.Equal(12, users.Count(d => d <= 2));
        Assert.Equal(6, items.Count(d => d <= 3));
        Assert.All(users, d => Assert.True(d >= 1));
    }

    [Fact]
    public void ARequestedHistogramAndASkewAreMeasuredNextToTheSource()
    {
        var model = Plain.Value;
        var options = Small with
        {
            RatingShares = new Dictionary<double, double> { [1] = 0.4, [2] = 0.1, [3] = 0.1, [4] = 0.1, [5] = 0.3 },
            PopularitySkew = 2,
        };
        var result = SyntheticSampler.Sample(model, options);
        Assert.True(FidelityMetrics.Tvd([0.4, 0.1, 0.1, 0.1, 0.3], Histogram(result.Dataset, _ => true)) <= 0.02);
        var flat = SyntheticSampler.Sample(model, Small);
        Assert.True(DatasetStats.Compute(result.Dataset).GiniItems > DatasetStats.Compute(flat.Dataset).GiniItems + 0.05);
        var figures = ScenarioFigures.Measure(model, options, result)!;
        Assert.Contains(figures, f => f.Metric.StartsWith("rating TVD") && f.Synthetic <= 0.02 && f.Source > 0.1);
        Assert.Contains(figures, f => f.Metric.StartsWith("item degree Gini"));
        Assert.Null(ScenarioFigures.Measure(model, Small, flat));
    }

    [Fact]
    public void ColdDegreesKeepTheTotalAndLeaveTheWarmAboveTheCap()
    {
        var degrees = DegreeTargets.Scaled(Enumerable.Range(1, 100).Select(r => 500 / r + 10).ToArray(), 100, 5000, 400);
        var cold = DegreeTargets.WithCold(degrees, new ColdStart(0.3, 5), 400, "cold-users");
        Assert.Equal(degrees.Sum(), cold.Sum());
        Assert.Equal(30, cold.Count(d => d <= 5));
        Assert.True(cold.Zip(cold.Skip(1)).All(p => p.First >= p.Second), "largest first");
        Assert.Throws<ArgumentOutOfRangeException>(() => DegreeTargets.WithCold(Enumerable.Repeat(3, 10).ToArray(), new ColdStart(0.5, 3), 400, "cold-users"));
        Assert.True(ColdStart.TryParse("0.3:5", out var parsed));
        Assert.Equal(new ColdStart(0.3, 5), parsed);
        Assert.False(ColdStart.TryParse("0.3", out _));
    }

    [Fact]
    public void ApportionSplitsExactlyWithinBounds()
    {
        Assert.Equal([33L, 67L], GroupPlan.Apportion(100, [1, 2], [0, 0], [100, 100]));
        Assert.Equal([10L, 90L], GroupPlan.Apportion(100, [1, 1], [0, 0], [10, 100]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupPlan.Apportion(100, [1, 1], [0, 0], [10, 10]));
    }
}
