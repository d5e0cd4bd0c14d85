using System.Globalization;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// The checks behind the report: the trends the paper expects and the agreement of model rankings. Each check
/// averages the six models' curves (the paper reads its figures the same way) and states the numbers it used.
/// </summary>
public static class ExperimentAnalysis
{
    public const int RankingN = 10;

    /// <summary>Precision falls and recall rises from the smallest N to the largest, averaged over the models.</summary>
    public static IReadOnlyList<TrendCheck> NTrends(string dataset, IReadOnlyList<GridCell> cells, EvaluationProtocol protocol, double threshold)
    {
        var ns = cells.SelectMany(c => c.Points).Where(p => p.Protocol == protocol && p.Threshold == threshold).Select(p => p.N).Distinct().Order().ToList();
        if (ns.Count < 2)
        {
            return [];
        }
        var (first, last) = (ns[0], ns[^1]);
        var precision = (Mean(cells, protocol, threshold, first, p => p.Precision), Mean(cells, protocol, threshold, last, p => p.Precision));
        var recall = (Mean(cells, protocol, threshold, first, p => p.Recall), Mean(cells, protocol, threshold, last, p => p.Recall));
        return
        [
            new(dataset, "precision falls as N grows", precision.Item2 < precision.Item1,
                $"mean precision@{first} {F(precision.Item1)} → @{last} {F(precision.Item2)}"),
            new(dataset, "recall rises as N grows", recall.Item2 > recall.Item1,
                $"mean recall@{first} {F(recall.Item1)} → @{last} {F(recall.Item2)}"),
        ];
    }

    /// <summary>
    /// Along the sample-size sweep (ordered by samples), precision@10 rises and recall@10 falls: each step must move
    /// the expected way for the trend to hold.
    /// </summary>
    public static IReadOnlyList<TrendCheck> SampleTrends(IReadOnlyList<GridDataset> sweep, IReadOnlyList<GridCell> cells, EvaluationProtocol protocol, double threshold)
    {
        var ordered = sweep.Where(d => d.Samples is not null).OrderBy(d => d.Samples).ToList();
        if (ordered.Count < 2)
        {
            return [];
        }
        var precision = ordered.Select(d => Mean(cells.Where(c => c.Dataset == d.Key).ToList(), protocol, threshold, RankingN, p => p.Precision)).ToList();
        var recall = ordered.Select(d => Mean(cells.Where(c => c.Dataset == d.Key).ToList(), protocol, threshold, RankingN, p => p.Recall)).ToList();
        string Steps(List<double> values) => string.Join(" → ", ordered.Select((d, i) => $"{Samples(d.Samples!.Value)}: {F(values[i])}"));
        return
        [
            new("sample sweep", "precision@10 rises with more samples", Monotone(precision, rising: true), $"mean precision@{RankingN} {Steps(precision)}"),
            new("sample sweep", "recall@10 falls with more samples", Monotone(recall, rising: false), $"mean recall@{RankingN} {Steps(recall)}"),
        ];
    }

    /// <summary>
    /// Kendall tau-b between the models' F1@10 on the source and on a synthetic dataset; null when undefined (all tied).
    /// With cells of several split seeds (<paramref name="planSeed"/> for those without one), also the ranking verdict.
    /// </summary>
    public static RankingAgreement Agreement(string dataset, IReadOnlyList<GridCell> source, IReadOnlyList<GridCell> synthetic, EvaluationProtocol protocol, double threshold,
        int planSeed = 1)
    {
        var agreement = PlanSplitAgreement(dataset, source.Where(c => c.SplitSeed is null).ToList(), synthetic.Where(c => c.SplitSeed is null).ToList(), protocol, threshold);
        var sourceRuns = Runs(source, planSeed);
        var syntheticRuns = Runs(synthetic, planSeed);
        var shared = sourceRuns.Select(r => (r.Seed, r.Model)).Intersect(syntheticRuns.Select(r => (r.Seed, r.Model))).ToList();
        return shared.Select(s => s.Model).Distinct().Count() >= 2
            ? agreement with { Verdict = RankingVerdicts.From(sourceRuns, syntheticRuns, RankingN) }
            : agreement;
    }

    /// <summary>Grid cells as the verdict's runs: F1@10 under every protocol and threshold the cell was scored on.</summary>
    private static List<RankingRun> Runs(IReadOnlyList<GridCell> cells, int planSeed) =>
        cells.Select(c => new RankingRun(c.SplitSeed ?? planSeed, c.Model,
            c.Points.Where(p => p.N == RankingN).Select(p => new RankingScore(p.Protocol, p.Threshold, p.F1)).ToList(), c.Rmse)).ToList();

    private static RankingAgreement PlanSplitAgreement(string dataset, IReadOnlyList<GridCell> source, IReadOnlyList<GridCell> synthetic, EvaluationProtocol protocol, double threshold)
    {
        var models = source.Select(c => c.Model).Intersect(synthetic.Select(c => c.Model)).ToList();
        double F1(IReadOnlyList<GridCell> cells, BaselineKind model, int n) => cells.First(c => c.Model == model).At(protocol, threshold, n)?.F1 ?? double.NaN;
        double? Tau(int n)
        {
            var tau = models.Count >= 2 ? FidelityMetrics.KendallTau(models.Select(m => F1(source, m, n)).ToList(), models.Select(m => F1(synthetic, m, n)).ToList()) : double.NaN;
            return double.IsNaN(tau) ? null : tau;
        }
        var smallest = source.Concat(synthetic).SelectMany(c => c.Points).Where(p => p.Protocol == protocol && p.Threshold == threshold)
            .Select(p => p.N).DefaultIfEmpty(RankingN).Min();
        return new RankingAgreement(dataset, Tau(RankingN),
            models.OrderByDescending(m => F1(source, m, RankingN)).ToList(), models.OrderByDescending(m => F1(synthetic, m, RankingN)).ToList(),
            smallest, Tau(smallest));
    }

    public static bool Monotone(IReadOnlyList<double> values, bool rising)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (rising ? !(values[i] > values[i - 1]) : !(values[i] < values[i - 1]))
            {
                return false;
            }
        }
        return true;
    }

    private static double Mean(IReadOnlyList<GridCell> cells, EvaluationProtocol protocol, double threshold, int n, Func<CurvePoint, double> metric)
    {
        var values = cells.Select(c => c.At(protocol, threshold, n)).OfType<CurvePoint>().Select(metric).Where(double.IsFinite).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    public static string Samples(long samples) => samples >= 1_000_000
        ? (samples / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : (samples / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "K";

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
