using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Tests;

public sealed class ExperimentAnalysisTests
{
    private const EvaluationProtocol TestItems = EvaluationProtocol.TestItems;

    /// <summary>The test's model names as baselines: a, b, c … stand for the kinds in order.</summary>
    private static BaselineKind Kind(string model) => BaselineKinds.All["abcdef".IndexOf(model == "m" ? "a" : model, StringComparison.Ordinal)];

    private static GridCell Cell(string dataset, string model, params (int N, double Precision, double Recall, double F1)[] points) =>
        new(dataset, Kind(model), 1, 1, 0, points.Select(p => new CurvePoint(TestItems, 5, p.N, p.Precision, p.Recall, p.F1)).ToList());

    [Fact]
    public void Kendall_tau_matches_hand_computed_cases()
    {
        Assert.Equal(1, FidelityMetrics.KendallTau([1, 2, 3, 4], [10, 20, 30, 40]), 12);
        Assert.Equal(-1, FidelityMetrics.KendallTau([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        // One swapped pair of six: (5 concordant - 1 discordant) / 6.
        Assert.Equal(4.0 / 6, FidelityMetrics.KendallTau([1, 2, 3, 4], [1, 3, 2, 4]), 12);
        // Tau-b with a tie in y: pairs 6, concordant 5, ties in y 1 -> 5 / sqrt(6 * 5).
        Assert.Equal(5 / Math.Sqrt(30), FidelityMetrics.KendallTau([1, 2, 3, 4], [1, 2, 2, 4]), 12);
        Assert.True(double.IsNaN(FidelityMetrics.KendallTau([1, 2, 3], [5, 5, 5])));
    }

    [Fact]
    public void N_trends_average_the_models_and_report_their_numbers()
    {
        var cells = new[]
        {
            Cell("d", "a", (2, 0.6, 0.2, 0.3), (10, 0.4, 0.7, 0.5)),
            Cell("d", "b", (2, 0.4, 0.4, 0.4), (10, 0.5, 0.5, 0.5)),
        };
        var trends = ExperimentAnalysis.NTrends("d", cells, TestItems, 5);
        // Mean precision 0.5 -> 0.45 falls; mean recall 0.3 -> 0.6 rises.
        Assert.Equal([true, true], trends.Select(t => t.Holds));
        Assert.Contains("0.5000 → @10 0.4500", trends[0].Evidence);

        var flat = ExperimentAnalysis.NTrends("d", [Cell("d", "a", (2, 0.3, 0.5, 0.3), (10, 0.3, 0.5, 0.3))], TestItems, 5);
        Assert.Equal([false, false], flat.Select(t => t.Holds));
    }

    [Fact]
    public void The_sample_trend_needs_every_step_to_move_the_expected_way()
    {
        var sweep = new[]
        {
            new GridDataset("big", false, 10, 10, 100, 3_000_000, true, null),
            new GridDataset("small", false, 10, 10, 100, 150_000, true, null),
            new GridDataset("mid", false, 10, 10, 100, 500_000, true, null),
        };
        GridCell At10(string dataset, double precision, double recall) => Cell(dataset, "m", (10, precision, recall, 0));
        var rising = ExperimentAnalysis.SampleTrends(sweep, [At10("small", 0.1, 0.9), At10("mid", 0.2, 0.8), At10("big", 0.3, 0.7)], TestItems, 5);
        Assert.Equal([true, true], rising.Select(t => t.Holds));
        Assert.Contains("150K: 0.1000 → 500K: 0.2000 → 3M: 0.3000", rising[0].Evidence);

        var broken = ExperimentAnalysis.SampleTrends(sweep, [At10("small", 0.1, 0.9), At10("mid", 0.3, 0.95), At10("big", 0.2, 0.7)], TestItems, 5);
        Assert.Equal([false, false], broken.Select(t => t.Holds));
    }

    [Fact]
    public void Ranking_agreement_compares_f1_at_10_orders()
    {
        var source = new[] { Cell("source", "a", (10, 0, 0, 0.5)), Cell("source", "b", (10, 0, 0, 0.4)), Cell("source", "c", (10, 0, 0, 0.3)) };
        var same = new[] { Cell("s", "a", (10, 0, 0, 0.9)), Cell("s", "b", (10, 0, 0, 0.8)), Cell("s", "c", (10, 0, 0, 0.1)) };
        var reversed = new[] { Cell("s", "a", (10, 0, 0, 0.1)), Cell("s", "b", (10, 0, 0, 0.2)), Cell("s", "c", (10, 0, 0, 0.3)) };
        var tied = new[] { Cell("s", "a", (10, 0, 0, 0.2)), Cell("s", "b", (10, 0, 0, 0.2)), Cell("s", "c", (10, 0, 0, 0.2)) };
        Assert.Equal(1, ExperimentAnalysis.Agreement("s", source, same, TestItems, 5).KendallTau!.Value, 12);
        var reverse = ExperimentAnalysis.Agreement("s", source, reversed, TestItems, 5);
        Assert.Equal(-1, reverse.KendallTau!.Value, 12);
        Assert.Equal([Kind("c"), Kind("b"), Kind("a")], reverse.SyntheticOrder);
        Assert.Null(ExperimentAnalysis.Agreement("s", source, tied, TestItems, 5).KendallTau);
    }

    [Fact]
    public void When_every_model_ties_at_ten_the_head_of_the_list_still_ranks_them()
    {
        var source = new[] { Cell("source", "a", (2, 0, 0, 0.6), (10, 0, 0, 0.5)), Cell("source", "b", (2, 0, 0, 0.4), (10, 0, 0, 0.4)) };
        var sparse = new[] { Cell("s", "a", (2, 0, 0, 0.7), (10, 0, 0, 0.9)), Cell("s", "b", (2, 0, 0, 0.3), (10, 0, 0, 0.9)) };
        var agreement = ExperimentAnalysis.Agreement("s", source, sparse, TestItems, 5);
        Assert.Null(agreement.KendallTau);
        Assert.Equal((2, 1.0), (agreement.SmallestN, agreement.KendallTauAtSmallestN!.Value));
    }
}

public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-grid-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ExperimentPlan Tiny(int seed = 3) => new()
    {
        Name = "tiny",
        Seed = seed,
        Generator = new GanrsOptions { Seed = seed, Iterations = 60, PretrainEpochs = 1, EvaluateEvery = 30, EvaluationSamples = 500 },
        Baselines = new BaselineOptions { Seed = seed, Epochs = 1 },
        Synthetic =
        [
            new("s-small", 30, 25, 300, 2.5, InSampleSweep: true),
            new("s-large", 30, 25, 600, 2.5, InSampleSweep: true),
        ],
    };

    [Fact]
    public void A_tiny_grid_writes_every_output_and_a_rerun_reuses_every_cell()
    {
        var source = TestData.LowRank(users: 40, items: 30, density: 0.4);
        var report = ExperimentRunner.Run(source, _folder, Tiny());

        Assert.Equal(["source", "s-small", "s-large"], report.Datasets.Select(d => d.Key));
        Assert.Equal(3 * 6, report.Cells.Count);
        Assert.Equal(2, report.Agreement.Count);
        // The ranking verdict trains every cell on two more split seeds.
        Assert.Equal(2 * 3 * 6, report.RankingCells.Count);
        Assert.All(report.Agreement, a => Assert.Equal([3, 4, 5], a.Verdict!.Seeds));
        Assert.All(report.Agreement, a => Assert.Equal(6, a.Verdict!.Models.Count));
        // Two N trends per dataset and two along the sample sweep.
        Assert.Equal(3 * 2 + 2, report.Trends.Count);
        var csv = File.ReadAllLines(Path.Combine(_folder, "results.csv"));
        // Header, then dataset × model × 2 protocols × 2 thresholds × 5 N.
        Assert.Equal(1 + 18 * 2 * 2 * 5, csv.Length);
        Assert.StartsWith("dataset,users,items,ratings,samples,model,protocol,threshold,n,precision,recall,f1,rmse,mae", csv[0]);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(_folder, "figures", "s-large.svg")));
        Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(_folder, "figures", "s-large.png"))[0]);
        var markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.Contains("Kendall τ", markdown);
        Assert.Contains("self-agreement", markdown);
        // The grid keeps the difficulty its sampling measured: the reference RMSE on both sides.
        Assert.All(report.Datasets.Where(d => !d.IsSource), d => Assert.True(d.Fidelity!.Difficulty!.SyntheticReferenceRmse > 0));
        Assert.Contains("reference RMSE", markdown);
        Assert.Contains("precision falls as N grows", markdown);
        Assert.True(File.Exists(Path.Combine(_folder, "results.json")));

        var steps = new List<ExperimentProgress>();
        var again = ExperimentRunner.Run(source, _folder, Tiny(), new ProgressRelay<ExperimentProgress>(steps.Add));
        Assert.Equal(report.Cells.Select(c => c.Points), again.Cells.Select(c => c.Points));
        Assert.All(steps.Where(s => s.Message.Contains(':') && s.Message != "grid finished"), s => Assert.Contains("reused", s.Message));
    }

    [Fact]
    public void Cells_trained_side_by_side_equal_those_trained_one_at_a_time()
    {
        var source = TestData.LowRank(users: 40, items: 30, density: 0.4);
        var plan = Tiny() with { Synthetic = [new("s-small", 30, 25, 300, 2.5, InSampleSweep: true)], RankingSeeds = 2 };

        var alone = ExperimentRunner.Run(source, Path.Combine(_folder, "one"), plan, threads: 1);
        var sideBySide = ExperimentRunner.Run(source, Path.Combine(_folder, "four"), plan, threads: 4);

        Assert.Equal(alone.Cells.Concat(alone.RankingCells).Select(c => (c.Dataset, c.Model, c.SplitSeed, c.Rmse)),
            sideBySide.Cells.Concat(sideBySide.RankingCells).Select(c => (c.Dataset, c.Model, c.SplitSeed, c.Rmse)));
        Assert.Equal(alone.Cells.Concat(alone.RankingCells).Select(c => c.Points), sideBySide.Cells.Concat(sideBySide.RankingCells).Select(c => c.Points));
    }

    [Fact]
    public void A_grid_on_a_scenario_samples_every_dataset_under_it_and_keeps_its_folder_to_itself()
    {
        var source = TestData.LowRank(users: 40, items: 30, density: 0.4);
        var scenario = new SampleOptions { ColdUsers = new Ml.Scenarios.ColdStart(0.4, 3) };
        var plan = Tiny() with { Synthetic = [new("s-small", 30, 25, 300, 2.5, InSampleSweep: true)], RankingSeeds = 1, Scenario = scenario };
        var report = ExperimentRunner.Run(source, _folder, plan);
        var set = report.Datasets.Single(d => d.Key == "s-small");
        var cold = set.Fidelity!.Scenario!.Single(f => f.Metric.StartsWith("users with at most 3"));
        Assert.Equal(0.4, cold.Synthetic, 2);
        Assert.Equal(0.4, cold.Requested);
        // The same folder without the scenario is another run.
        Assert.Equal("out", Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(source, _folder, plan with { Scenario = null })).ParamName);
    }

    [Fact]
    public void A_scenario_the_grid_cannot_sample_is_refused_before_anything_runs()
    {
        var plan = Tiny();
        var groups = Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentRunner.CheckScenario(plan with { Scenario = new SampleOptions { GroupShares = new Dictionary<string, double> { ["F"] = 1 } } }));
        Assert.Equal("group-shares", groups.ParamName);
        var variant = Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentRunner.CheckScenario(plan with { Variant = GanrsVariant.Stable, Scenario = new SampleOptions { PopularitySkew = 2 } }));
        Assert.Equal("popularity-skew", variant.ParamName);
        // A cap at or above what a 25-item dataset can rate.
        var cap = Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentRunner.CheckScenario(plan with { Scenario = new SampleOptions { ColdUsers = new Ml.Scenarios.ColdStart(0.3, 25) } }));
        Assert.Equal("cold-users", cap.ParamName);
        Assert.False(File.Exists(Path.Combine(_folder, "run.json")));
    }

    [Fact]
    public void A_folder_of_another_run_is_refused()
    {
        var source = TestData.LowRank(users: 40, items: 30, density: 0.4);
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "run.json"), "{\"name\":\"other\"}");
        var error = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(source, _folder, Tiny()));
        Assert.Equal("out", error.ParamName);
    }
}
