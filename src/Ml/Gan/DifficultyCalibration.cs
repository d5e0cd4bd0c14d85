using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// Gives the synthetic ratings the source's difficulty. A pair's latent rating s (the dot product of its user and
/// item centres in the DeepMF space) is standardised and gets Gaussian residual noise of standard deviation σ (in
/// rating units): y = μ + √(v − σ²)·z(s) + σε, where μ and v are the source ratings' mean and variance, so that y has
/// the source's mean and spread whatever σ is. The rank calibration then maps y to the source's rating shares. σ is
/// chosen so that the reference model's test RMSE on the synthetic set matches its RMSE on the source: the error that
/// a perfect model would make at σ (the "oracle" RMSE, in closed form) is set, a reference model is trained to see
/// the error a real one makes on top of it, and the oracle target is corrected by the difference of squares. Each
/// step costs one reference training.
/// </summary>
internal static class DifficultyCalibration
{
    private const int OracleSample = 50_000;
    private const double Tolerance = 0.03;

    /// <summary>The first guess: a real model's error sits above the noise floor, as estimation error adds to it.</summary>
    private const double FirstOracleShare = 0.85;

    public sealed record Outcome(float[] Classes, double NoiseStd, double ReferenceRmse, int Fits, double PreCalibrationTvd);

    /// <param name="signal">Each pair's latent rating, in rating units.</param>
    /// <param name="referenceRmse">Trains the reference model on the pairs with these rating classes and returns its test RMSE.</param>
    public static Outcome Calibrate(float[] signal, SourceSummary source, double targetRmse, int maxFits, int seed,
        Func<float[], double> referenceRmse, CancellationToken cancellationToken)
    {
        signal = Standardised(signal);
        var (mean, variance) = Moments(source);
        var random = new Random(seed);
        var unitNoise = new float[signal.Length];
        for (var i = 0; i < unitNoise.Length; i++)
        {
            unitNoise[i] = (float)Gaussian(random);
        }
        var oracleRows = Enumerable.Range(0, signal.Length).ToArray();
        random.Shuffle(oracleRows);
        oracleRows = oracleRows[..Math.Min(OracleSample, oracleRows.Length)];

        var oracleTarget = FirstOracleShare * targetRmse;
        Outcome? best = null;
        for (var fit = 1; fit <= Math.Max(1, maxFits); fit++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sigma = NoiseFor(oracleTarget, signal, unitNoise, oracleRows, source, mean, variance);
            var (classes, tvd) = Decode(signal, unitNoise, sigma, source, mean, variance);
            var rmse = maxFits == 0 ? double.NaN : referenceRmse(classes);
            var outcome = new Outcome(classes, sigma, rmse, maxFits == 0 ? 0 : fit, tvd);
            if (best is null || Math.Abs(rmse - targetRmse) < Math.Abs(best.ReferenceRmse - targetRmse))
            {
                best = outcome;
            }
            if (maxFits == 0 || Math.Abs(rmse - targetRmse) <= Tolerance * targetRmse)
            {
                break;
            }
            oracleTarget = Math.Sqrt(Math.Max(oracleTarget * oracleTarget + targetRmse * targetRmse - rmse * rmse, 0.0025));
        }
        return best!;
    }

    /// <summary>The ratings at noise σ: y = s + σε, mean-matched and rank-calibrated to the source's shares; and y's TVD before the calibration.</summary>
    private static (float[] Classes, double Tvd) Decode(float[] z, float[] unitNoise, double sigma, SourceSummary source, double mean, double variance)
    {
        var codec = new RatingCodec(source.Scale);
        var scaled = new float[z.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = codec.Encode(Latent(z[i], unitNoise[i], sigma, mean, variance));
        }
        var raw = SyntheticSampler.MeanMatchedClassCounts(scaled, source);
        var tvd = Evaluation.FidelityMetrics.Tvd(source.RatingShares, raw.Select(c => (double)c / scaled.Length).ToArray());
        var decoder = RatingDecoder.Quantile(scaled, source);
        var classes = new float[scaled.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = decoder.ClassOf(scaled[i]) + source.Scale.Min;
        }
        return (classes, tvd);
    }

    private static float Latent(float z, float noise, double sigma, double mean, double variance) =>
        (float)(mean + Math.Sqrt(Math.Max(variance - sigma * sigma, 0)) * z + sigma * noise);

    /// <summary>The σ whose oracle RMSE is <paramref name="oracleTarget"/> (bisection; the oracle RMSE grows with σ up to the source's spread).</summary>
    private static double NoiseFor(double oracleTarget, float[] z, float[] unitNoise, int[] rows, SourceSummary source, double mean, double variance)
    {
        double low = 0, high = Math.Sqrt(variance);
        for (var step = 0; step < 40; step++)
        {
            var middle = (low + high) / 2;
            (Oracle(middle, z, unitNoise, rows, source, mean, variance) < oracleTarget ? ref low : ref high) = middle;
        }
        return (low + high) / 2;
    }

    /// <summary>
    /// The RMSE of the best possible predictor, E[class | s], at noise σ: the root of the mean conditional variance
    /// of the class. With cut points t_k (from y's quantiles), P(class > k | s) = 1 − Φ((t_k − s) / σ).
    /// </summary>
    private static double Oracle(double sigma, float[] z, float[] unitNoise, int[] rows, SourceSummary source, double mean, double variance)
    {
        var codec = new RatingCodec(source.Scale);
        var y = rows.Select(r => codec.Encode(Latent(z[r], unitNoise[r], sigma, mean, variance))).ToArray();
        var cuts = RatingDecoder.Quantile(y, source).Thresholds!;
        // The scaled space is the rating space divided by the span, so σ scales the same way.
        var scaledSigma = Math.Max(sigma / codec.Span, 1e-12);
        double conditionalVariance = 0;
        foreach (var r in rows)
        {
            double expected = 0, square = 0;
            var s = codec.Encode(Latent(z[r], 0, sigma, mean, variance));
            for (var k = 0; k < cuts.Count; k++)
            {
                var above = 1 - NormalCdf((cuts[k] - s) / scaledSigma);
                expected += above;
                square += (2 * k + 1) * above;
            }
            conditionalVariance += square - expected * expected;
        }
        return Math.Sqrt(Math.Max(conditionalVariance / rows.Length, 0));
    }

    private static float[] Standardised(float[] signal)
    {
        double sum = 0, square = 0;
        foreach (var v in signal)
        {
            sum += v;
            square += (double)v * v;
        }
        var mean = sum / signal.Length;
        var sd = Math.Sqrt(Math.Max(square / signal.Length - mean * mean, 0));
        return Array.ConvertAll(signal, v => sd > 0 ? (float)((v - mean) / sd) : 0f);
    }

    /// <summary>The source ratings' mean and variance, from its rating shares.</summary>
    private static (double Mean, double Variance) Moments(SourceSummary source)
    {
        double mean = 0, square = 0;
        for (var c = 0; c < source.RatingShares.Length; c++)
        {
            var rating = source.Scale.Min + c;
            mean += source.RatingShares[c] * rating;
            square += source.RatingShares[c] * rating * rating;
        }
        return (mean, Math.Max(square - mean * mean, 1e-6));
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Φ(x) through erf (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7).</summary>
    internal static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * z);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
