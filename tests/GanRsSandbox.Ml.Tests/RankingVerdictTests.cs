using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Tests;

public sealed class RankingVerdictTests
{
    private static readonly BaselineKind[] Models = [BaselineKind.DeepMf, BaselineKind.VDeepMf, BaselineKind.Ncf, BaselineKind.NcfBinary];

    /// <summary>Runs whose F1 under test-items ties (0.5 ± tiny) and under thresholded follows <paramref name="order"/>.</summary>
    private static List<RankingRun> Runs(int seed, double[] order, double tieNoise = 0) =>
        Models.Select((m, i) => new RankingRun(seed, m,
        [
            new RankingScore(EvaluationProtocol.TestItems, 4, 0.5 + tieNoise * i),
            new RankingScore(EvaluationProtocol.Thresholded, 4, order[i]),
            new RankingScore(EvaluationProtocol.Thresholded, 5, 0.3 + order[i] / 100),
        ], m.PredictsRating() ? 1 + i / 10.0 : null)).ToList();

    [Fact]
    public void TheProtocolThatSpreadsTheModelsOnTheSourceIsChosen()
    {
        var source = Runs(1, [0.2, 0.4, 0.6, 0.8], tieNoise: 0.001).Concat(Runs(2, [0.2, 0.4, 0.6, 0.8], tieNoise: -0.001)).ToList();
        var synthetic = Runs(1, [0.1, 0.3, 0.5, 0.7]).Concat(Runs(2, [0.1, 0.3, 0.5, 0.7])).ToList();
        var verdict = RankingVerdicts.From(source, synthetic, 10);
        Assert.Equal(("thresholded", 4), (verdict.Protocol.Name(), verdict.Threshold));
        Assert.Equal([1, 2], verdict.Seeds);
        Assert.Equal(1.0, verdict.Tau);
        Assert.Equal(1.0, verdict.SelfAgreementTau);
        Assert.True(verdict.BestAgrees && verdict.WorstAgrees);
        Assert.Equal(0.6, verdict.SourceSpread, 9);
        Assert.Equal(1.1, verdict.Models.Single(m => m.Model.Name() == "vdeepmf").SourceRmse!.Value, 9);
        Assert.Null(verdict.Models.Single(m => m.Model.Name() == "ncf-binary").SourceRmse);
    }

    [Fact]
    public void A_protocol_where_most_models_sit_at_zero_in_a_noisy_order_loses_to_one_that_separates_them_all()
    {
        // Thresholded at 5: one model far ahead, the other three near zero, their order changing between splits;
        // its spread (0.5) is the largest, but thresholded at 4 separates every pair beyond the noise.
        List<RankingRun> Source(int seed, double[] at4, double[] at5) => Models.Select((m, i) => new RankingRun(seed, m,
            [new RankingScore(EvaluationProtocol.Thresholded, 4, at4[i]), new RankingScore(EvaluationProtocol.Thresholded, 5, at5[i])], null)).ToList();
        var source = Source(1, [0.20, 0.30, 0.40, 0.55], [0.004, 0.002, 0.003, 0.5])
            .Concat(Source(2, [0.21, 0.31, 0.42, 0.56], [0.001, 0.004, 0.002, 0.5])).ToList();
        var verdict = RankingVerdicts.From(source, source, 10);
        Assert.Equal(("thresholded", 4), (verdict.Protocol.Name(), verdict.Threshold));
        Assert.True(verdict.Separation > 2, $"{verdict.Separation}");
    }

    [Fact]
    public void TauIsAveragedOverSeedsAndSelfAgreementComparesTheSourcesSplits()
    {
        // Seed 2 of the source swaps the two middle models; the synthetic set reverses everything on seed 1.
        var source = Runs(1, [0.2, 0.4, 0.6, 0.8]).Concat(Runs(2, [0.2, 0.6, 0.4, 0.8])).Concat(Runs(3, [0.2, 0.4, 0.6, 0.8])).ToList();
        var synthetic = Runs(1, [0.8, 0.6, 0.4, 0.2]).Concat(Runs(2, [0.2, 0.6, 0.4, 0.8])).Concat(Runs(3, [0.2, 0.4, 0.6, 0.8])).ToList();
        var verdict = RankingVerdicts.From(source, synthetic, 10);
        // τ per seed: -1, 1, 1 → 1/3. Self: (1,2) 2/3, (1,3) 1, (2,3) 2/3 → 7/9.
        Assert.Equal(1.0 / 3, verdict.Tau!.Value, 9);
        Assert.Equal(7.0 / 9, verdict.SelfAgreementTau!.Value, 9);
        // Mean F1 on the synthetic side: the best (ncf-binary) is still the best on average.
        Assert.True(verdict.BestAgrees);
    }

    [Fact]
    public void AllTiedGivesAnUndefinedTau()
    {
        var tied = Runs(1, [0.5, 0.5, 0.5, 0.5]).Concat(Runs(2, [0.5, 0.5, 0.5, 0.5])).ToList();
        var verdict = RankingVerdicts.From(tied, tied, 10);
        Assert.Null(verdict.Tau);
        Assert.Null(verdict.SelfAgreementTau);
    }

    [Fact]
    public void TheRankingNeedsTwoSeedsAndThreeModels()
    {
        Assert.Equal("ranking-seeds", Assert.Throws<ArgumentOutOfRangeException>(() => new RankingOptions { Seeds = [1] }.Validate()).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingOptions { Seeds = [1, 1] }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingOptions { Models = [BaselineKind.DeepMf, BaselineKind.Ncf] }.Validate());
    }

    [Fact]
    public void RankingRunsTrainEveryModelOnEverySeed()
    {
        var data = TestData.LowRank(30, 20, 0.5);
        var options = new RankingOptions
        {
            Seeds = [1, 2],
            Models = [BaselineKind.DeepMf, BaselineKind.Ncf, BaselineKind.NcfBinary],
            Training = new BaselineOptions { Epochs = 1 },
        };
        var runs = RankingRuns.Train(data, options);
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal(4, r.Scores.Count)); // two protocols × thresholds 4 and 5
        Assert.All(runs.Where(r => r.Model != BaselineKind.NcfBinary), r => Assert.NotNull(r.Rmse));
        var verdict = RankingVerdicts.From(runs, runs, options.N);
        Assert.Equal([1, 2], verdict.Seeds);
        Assert.Equal(3, verdict.Models.Count);
    }

    [Fact]
    public void TheScorecardHoldsEachMetricToItsTarget()
    {
        var report = new FidelityReport(0.004, 0, new(0.05, 0.04), new(0.47, 0.45), new(0.63, 0.55), new(0.43, 0.42), new DcrReport("embedding", 1, 2, 0, 0.1, 10))
        {
            Difficulty = new DifficultyReport(0.95, 0.99, 0.8, 1, false),
            UserDegreeKs = 0.03,
            ItemDegreeKs = 0.2,
            ItemPopularityRating = new(0.50, 0.30),
        };
        var card = FidelityScorecard.Build(report, new ScorecardTargets(), rawRatingTvd: 0.07, requestedRatings: 1000, achievedRatings: 1004);
        bool? Pass(string metric) => card.Single(e => e.Metric == metric).Pass;
        Assert.False(Pass("rating TVD, raw"));
        Assert.True(Pass("rating TVD, final"));
        Assert.True(Pass("user Gini gap"));
        Assert.False(Pass("item Gini gap"));
        Assert.True(Pass("user log-degree KS"));
        Assert.False(Pass("item log-degree KS"));
        Assert.True(Pass("size error (requested vs achieved)"));
        Assert.True(Pass("reference RMSE gap (relative)"));
        Assert.Null(Pass("τ"));
        Assert.True(Pass("near copies"));
        Assert.False(Pass("ρ items gap (popularity vs mean rating)"));
        Assert.Null(Pass("ρ users gap (activity vs mean rating)"));
        Assert.True(new ScorecardTargets().TryWith("rho-gap", 0.25, out var lenient));
        Assert.True(FidelityScorecard.Build(report, lenient).Single(e => e.Metric == "ρ items gap (popularity vs mean rating)").Pass);
        Assert.True(new ScorecardTargets().TryWith("gini-gap", 0.1, out var looser));
        Assert.True(FidelityScorecard.Build(report, looser).Single(e => e.Metric == "item Gini gap").Pass);
        Assert.False(new ScorecardTargets().TryWith("no-such", 1, out _));
    }
}
