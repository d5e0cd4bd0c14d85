using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// Gives the synthetic ratings the source's difficulty. A pair's latent rating is its centres' DeepMF dot product,
/// mapped by rank onto the distribution of the pre-trained DeepMF's predictions on the source; it gets residual noise
/// drawn from the source's own residuals, scaled by λ:
/// y = μ + a(λ)·(p − μ) + λ·e, where a(λ) keeps y's variance at the source ratings' variance whatever λ is.
/// At λ = 1 (and a ≈ 1) y is distributed as the source's predictions plus its residuals, that is, as its ratings;
/// the rank calibration then maps y exactly onto the source's rating shares. λ is searched so that the reference
/// model's test RMSE on the synthetic set matches its RMSE on the source. The error a perfect model would make
/// (the "oracle" RMSE, exact for any λ from the residuals' CDF) is set to the target less an estimate of the
/// estimation error; two such guesses are trained at once, and further steps take the secant between the two
/// closest trainings. Each step costs one reference training.
/// </summary>
internal static class DifficultyCalibration
{
    private const int OracleSample = 50_000;
    private const double Tolerance = 0.03;

    /// <param name="NoiseStd">The residual noise's standard deviation in rating units (λ times the source residuals').</param>
    /// <param name="Fits">Reference trainings made.</param>
    public sealed record Outcome(float[] Classes, double NoiseStd, double ReferenceRmse, int Fits, double PreCalibrationTvd, bool ShapesEstimated);

    /// <param name="signal">Each pair's latent rating; only its order is used.</param>
    /// <param name="users">The synthetic set's users and items, for the first guess of the estimation error.</param>
    /// <param name="source">The source's figures; its rating shares are the histogram to produce (a scenario's, where one is asked for).</param>
    /// <param name="pairGroups">Each pair's user group, where each group has its own histogram (<paramref name="groupShares"/>); null for one histogram.</param>
    /// <param name="referenceRmse">Trains the reference model on the pairs with these rating classes and returns its test RMSE; called from two threads at once.</param>
    public static Outcome Calibrate(float[] signal, SourceSummary source, double targetRmse, int maxFits, int seed, int users, int items,
        Func<float[], double> referenceRmse, CancellationToken cancellationToken, int[]? pairGroups = null, double[][]? groupShares = null)
    {
        var model = new LatentModel(signal, source, seed, pairGroups, groupShares);
        var oracleRows = Enumerable.Range(0, signal.Length).ToArray();
        new Random(seed + 1).Shuffle(oracleRows);
        oracleRows = oracleRows[..Math.Min(OracleSample, oracleRows.Length)];

        // A model's squared error is the noise floor plus its estimation error, which shrinks with the ratings per
        // parameter. The source's estimation error is its reference RMSE² less the pre-training's residual² (its noise
        // floor, seen from below); it is scaled by (users + items) / ratings from the source to the synthetic set.
        var estimation = model.SourceEstimationError(targetRmse) * ((double)(users + items) / signal.Length)
            / ((double)(source.Stats.Users + source.Stats.Items) / source.Stats.Ratings);
        double Oracle(double share) => Math.Sqrt(Math.Max(targetRmse * targetRmse - share * estimation, 0.16 * targetRmse * targetRmse));
        var first = new[] { model.LambdaForOracle(Oracle(1), oracleRows), model.LambdaForOracle(Oracle(3), oracleRows) };
        if (maxFits == 0)
        {
            var (classes, tvd) = model.Decode(first[0]);
            return new Outcome(classes, model.NoiseStd(first[0]), double.NaN, 0, tvd, model.ShapesEstimated);
        }

        // The first two guesses are trained at once: a reference training uses one core (batch 32), and the other idles.
        var tried = new List<(double Lambda, Outcome Outcome)>();
        (double, Outcome) Fit(double lambda)
        {
            var (classes, tvd) = model.Decode(lambda);
            var rmse = referenceRmse(classes);
            return (lambda, new Outcome(classes, model.NoiseStd(lambda), rmse, 0, tvd, model.ShapesEstimated));
        }
        var round = first.Take(Math.Min(2, maxFits)).ToArray();
        var results = new (double, Outcome)[round.Length];
        Parallel.For(0, round.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 2 }, j => results[j] = Fit(round[j]));
        tried.AddRange(results);
        bool Close(Outcome o) => Math.Abs(o.ReferenceRmse - targetRmse) <= Tolerance * targetRmse;
        while (tried.Count < maxFits && !tried.Any(t => Close(t.Outcome)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var closest = tried.OrderBy(t => Math.Abs(t.Outcome.ReferenceRmse - targetRmse)).Take(2).ToList();
            double next;
            if (closest.Count < 2 || Math.Abs(closest[1].Outcome.ReferenceRmse - closest[0].Outcome.ReferenceRmse) < 1e-9)
            {
                next = closest[0].Outcome.ReferenceRmse > targetRmse ? closest[0].Lambda * 0.8 : Math.Min(closest[0].Lambda * 1.2, model.MaxLambda);
            }
            else
            {
                var (a, b) = (closest[0], closest[1]);
                next = a.Lambda + (targetRmse - a.Outcome.ReferenceRmse) * (b.Lambda - a.Lambda) / (b.Outcome.ReferenceRmse - a.Outcome.ReferenceRmse);
            }
            tried.Add(Fit(Math.Clamp(next, 0, model.MaxLambda)));
        }
        var best = tried.MinBy(t => Math.Abs(t.Outcome.ReferenceRmse - targetRmse)).Outcome;
        return best with { Fits = tried.Count };
    }

    /// <summary>y = μ + a(λ)·(p − μ) + λ·e for every pair, with p the rank-mapped prediction and e a drawn residual.</summary>
    private sealed class LatentModel
    {
        private readonly SourceSummary _source;
        private readonly RatingCodec _codec;
        private readonly float[] _latent;
        private readonly float[] _residual;
        private readonly EmpiricalDistribution _residuals;
        private readonly double _mean;
        private readonly double _ratingVariance;
        private readonly double _latentVariance;
        private readonly double _residualMean;
        private readonly double _residualVariance;

        private readonly int[][]? _groupRows;
        private readonly SourceSummary[]? _groupTargets;

        public LatentModel(float[] signal, SourceSummary source, int seed, int[]? pairGroups, double[][]? groupShares)
        {
            _source = source;
            if (pairGroups is not null)
            {
                _groupTargets = groupShares!.Select(shares => source with { RatingShares = shares }).ToArray();
                _groupRows = Enumerable.Range(0, groupShares!.Length).Select(g => Enumerable.Range(0, pairGroups.Length).Where(r => pairGroups[r] == g).ToArray()).ToArray();
            }
            _codec = new RatingCodec(source.Scale);
            (_mean, _ratingVariance) = source.RatingMoments();
            ShapesEstimated = source.PredictionQuantiles is null || source.ResidualQuantiles is null;
            // Generators saved before the shapes were stored: normal shapes with DeepMF's usual split of the variance.
            var predictions = ShapesEstimated
                ? EmpiricalDistribution.Normal(_mean, Math.Sqrt(0.3 * _ratingVariance))
                : new EmpiricalDistribution(source.PredictionQuantiles!);
            _residuals = ShapesEstimated
                ? EmpiricalDistribution.Normal(0, Math.Sqrt(0.7 * _ratingVariance))
                : new EmpiricalDistribution(source.ResidualQuantiles!);
            var order = Enumerable.Range(0, signal.Length).ToArray();
            Array.Sort((float[])signal.Clone(), order);
            _latent = new float[signal.Length];
            for (var rank = 0; rank < order.Length; rank++)
            {
                _latent[order[rank]] = (float)predictions.Quantile((rank + 0.5) / order.Length);
            }
            _latentVariance = Math.Max(Variance(_latent), 1e-9);
            _residualMean = _residuals.Mean();
            _residualVariance = Math.Max(_residuals.Variance(), 1e-9);
            var random = new Random(seed);
            _residual = new float[signal.Length];
            for (var i = 0; i < _residual.Length; i++)
            {
                _residual[i] = (float)(_residuals.Quantile(random.NextDouble()) - _residualMean);
            }
            MaxLambda = Math.Sqrt(_ratingVariance / _residualVariance);
        }

        public bool ShapesEstimated { get; }

        public double MaxLambda { get; }

        public double NoiseStd(double lambda) => lambda * Math.Sqrt(_residualVariance);

        /// <summary>The source reference model's squared error less the pre-training's mean squared residual, at least 0.</summary>
        public double SourceEstimationError(double referenceRmse) =>
            ShapesEstimated ? 0.1 * referenceRmse * referenceRmse
                : Math.Max(referenceRmse * referenceRmse - (_residualVariance + _residualMean * _residualMean), 0);

        private double Spread(double lambda) =>
            Math.Sqrt(Math.Max(_ratingVariance - lambda * lambda * _residualVariance, 0.0025 * _latentVariance) / _latentVariance);

        private float Signal(int i, double spread) => (float)(_mean + spread * (_latent[i] - _mean));

        private float Y(int i, double lambda, double spread) => Signal(i, spread) + (float)(lambda * _residual[i]);

        /// <summary>The rating classes at λ (rank-calibrated to the source's shares), and y's TVD under the paper's decoding before that.</summary>
        public (float[] Classes, double Tvd) Decode(double lambda)
        {
            var spread = Spread(lambda);
            var scaled = new float[_latent.Length];
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = _codec.Encode(Y(i, lambda, spread));
            }
            var raw = SyntheticSampler.MeanMatchedClassCounts(scaled, _source);
            var tvd = FidelityMetrics.Tvd(_source.RatingShares, raw.Select(c => (double)c / scaled.Length).ToArray());
            var classes = new float[scaled.Length];
            if (_groupRows is null)
            {
                var decoder = RatingDecoder.Quantile(scaled, _source);
                for (var i = 0; i < classes.Length; i++)
                {
                    classes[i] = (float)_source.Scale.ValueOf(decoder.ClassOf(scaled[i]));
                }
                return (classes, tvd);
            }
            // Each group's pairs are ranked among themselves and cut at that group's own shares.
            for (var g = 0; g < _groupRows.Length; g++)
            {
                var rows = _groupRows[g];
                if (rows.Length == 0)
                {
                    continue;
                }
                var decoder = RatingDecoder.Quantile(Array.ConvertAll(rows, r => scaled[r]), _groupTargets![g]);
                foreach (var r in rows)
                {
                    classes[r] = (float)_source.Scale.ValueOf(decoder.ClassOf(scaled[r]));
                }
            }
            return (classes, tvd);
        }

        /// <summary>The λ whose oracle RMSE is <paramref name="oracleTarget"/> (bisection; the oracle RMSE grows with λ).</summary>
        public double LambdaForOracle(double oracleTarget, int[] rows)
        {
            double low = 0, high = MaxLambda;
            for (var step = 0; step < 40; step++)
            {
                var middle = (low + high) / 2;
                (Oracle(middle, rows) < oracleTarget ? ref low : ref high) = middle;
            }
            return (low + high) / 2;
        }

        /// <summary>
        /// The RMSE of the best possible predictor, E[class | signal], at λ: the root of the mean conditional variance
        /// of the class. With cut points t_k (from y's quantiles), P(class > k) = P(λe ≥ t_k − s) = 1 − F_e((t_k − s) / λ).
        /// </summary>
        private double Oracle(double lambda, int[] rows)
        {
            var spread = Spread(lambda);
            var y = rows.Select(r => _codec.Encode(Y(r, lambda, spread))).ToArray();
            var cuts = RatingDecoder.Quantile(y, _source).Thresholds!.Select(t => (double)_codec.Decode(t)).ToArray();
            double conditionalVariance = 0;
            foreach (var r in rows)
            {
                double expected = 0, square = 0;
                var s = Signal(r, spread);
                for (var k = 0; k < cuts.Length; k++)
                {
                    double above = lambda < 1e-12
                        ? (s >= cuts[k] ? 1 : 0)
                        : 1 - _residuals.Cdf((cuts[k] - s) / lambda + _residualMean);
                    expected += above;
                    square += (2 * k + 1) * above;
                }
                conditionalVariance += square - expected * expected;
            }
            return Math.Sqrt(Math.Max(conditionalVariance / rows.Length, 0));
        }

        private static double Variance(float[] values)
        {
            double sum = 0, square = 0;
            foreach (var v in values)
            {
                sum += v;
                square += (double)v * v;
            }
            var mean = sum / values.Length;
            return Math.Max(square / values.Length - mean * mean, 0);
        }
    }
}
