using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>Judges a <see cref="RankingVerdict"/> from the runs of the same models and split seeds on both sides.</summary>
public static class RankingVerdicts
{
    private const double SeparationCap = 3;

    /// <summary>The noise floor of the separation: F1 gaps below it count as ties whatever their spread.</summary>
    private const double NoiseFloor = 0.01;

    /// <summary>The verdict from the runs of the same models and split seeds on both sides.</summary>
    public static RankingVerdict From(IReadOnlyList<RankingRun> source, IReadOnlyList<RankingRun> synthetic, int n)
    {
        var seeds = source.Select(r => r.Seed).Intersect(synthetic.Select(r => r.Seed)).Order().ToList();
        var models = source.Select(r => r.Model).Intersect(synthetic.Select(r => r.Model)).ToList();
        if (seeds.Count == 0 || models.Count < 2)
        {
            throw new ArgumentException("the two sides share no split seed or fewer than two models");
        }
        var candidates = source.SelectMany(r => r.Scores).Select(s => (s.Protocol, s.Threshold)).Distinct()
            .OrderBy(c => c.Protocol).ThenBy(c => c.Threshold).ToList();
        double MeanF1(IReadOnlyList<RankingRun> runs, BaselineKind model, EvaluationProtocol protocol, double threshold) =>
            Mean(runs.Where(r => r.Model == model && seeds.Contains(r.Seed)).Select(r => r.F1(protocol, threshold)));
        double Spread(EvaluationProtocol protocol, double threshold)
        {
            var f1 = models.Select(m => MeanF1(source, m, protocol, threshold)).Where(double.IsFinite).ToList();
            return f1.Count < 2 ? 0 : f1.Max() - f1.Min();
        }
        double? Separation(EvaluationProtocol protocol, double threshold)
        {
            if (seeds.Count < 2)
            {
                return null;
            }
            var perSeed = models.Select(m => seeds.Select(s => source.FirstOrDefault(r => r.Model == m && r.Seed == s)?.F1(protocol, threshold) ?? double.NaN).ToArray()).ToArray();
            var scores = new List<double>();
            for (var a = 0; a < perSeed.Length; a++)
            {
                for (var b = a + 1; b < perSeed.Length; b++)
                {
                    var gaps = perSeed[a].Zip(perSeed[b], (x, y) => x - y).Where(double.IsFinite).ToArray();
                    if (gaps.Length < 2)
                    {
                        continue;
                    }
                    var mean = gaps.Average();
                    var sd = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1));
                    scores.Add(Math.Min(Math.Abs(mean) / (sd + NoiseFloor), SeparationCap));
                }
            }
            return scores.Count == 0 ? null : scores.Average();
        }
        // Ties go to the first candidate in enum and threshold order, so the choice does not depend on run order.
        var (protocol, threshold) = candidates.MaxBy(c => (Separation(c.Protocol, c.Threshold) ?? 0, Spread(c.Protocol, c.Threshold)));

        List<double> Order(IReadOnlyList<RankingRun> runs, int seed) =>
            models.Select(m => runs.FirstOrDefault(r => r.Model == m && r.Seed == seed)?.F1(protocol, threshold) ?? double.NaN).ToList();
        var taus = seeds.Select(s => FidelityMetrics.KendallTau(Order(source, s), Order(synthetic, s))).ToList();
        var selfTaus = new List<double>();
        for (var a = 0; a < seeds.Count; a++)
        {
            for (var b = a + 1; b < seeds.Count; b++)
            {
                selfTaus.Add(FidelityMetrics.KendallTau(Order(source, seeds[a]), Order(source, seeds[b])));
            }
        }
        var ranked = models.Select(m => new RankedModel(m, MeanF1(source, m, protocol, threshold), MeanF1(synthetic, m, protocol, threshold),
            MeanRmse(source, m, seeds), MeanRmse(synthetic, m, seeds))).ToList();
        var bestAgrees = ranked.MaxBy(r => r.SourceF1)!.Model == ranked.MaxBy(r => r.SyntheticF1)!.Model;
        var worstAgrees = ranked.MinBy(r => r.SourceF1)!.Model == ranked.MinBy(r => r.SyntheticF1)!.Model;
        return new RankingVerdict(protocol, threshold, n, seeds, Defined(Mean(taus)), Defined(Mean(selfTaus)), bestAgrees, worstAgrees,
            Spread(protocol, threshold), ranked)
        {
            Separation = Separation(protocol, threshold),
        };
    }

    private static double? MeanRmse(IReadOnlyList<RankingRun> runs, BaselineKind model, List<int> seeds)
    {
        var values = runs.Where(r => r.Model == model && seeds.Contains(r.Seed) && r.Rmse is not null).Select(r => r.Rmse!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>The mean of the defined values (τ is undefined when every model ties on one side).</summary>
    private static double Mean(IEnumerable<double> values)
    {
        var defined = values.Where(double.IsFinite).ToList();
        return defined.Count == 0 ? double.NaN : defined.Average();
    }

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;
}
