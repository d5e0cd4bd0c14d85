namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// A distribution kept as its quantiles at evenly spaced levels (0, 1/(n−1), …, 1), with linear interpolation between
/// them: small enough to store in a generator's header, and enough to draw from it and to evaluate its CDF.
/// </summary>
internal sealed class EmpiricalDistribution
{
    public const int Levels = 201;

    private readonly double[] _quantiles;

    public EmpiricalDistribution(double[] quantiles)
    {
        if (quantiles.Length < 2)
        {
            throw new ArgumentException("a distribution needs at least two quantiles", nameof(quantiles));
        }
        _quantiles = quantiles;
    }

    public static double[] Quantiles(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var quantiles = new double[Levels];
        for (var q = 0; q < Levels; q++)
        {
            var position = (double)q / (Levels - 1) * (sorted.Length - 1);
            var low = (int)Math.Floor(position);
            var high = Math.Min(low + 1, sorted.Length - 1);
            quantiles[q] = sorted[low] + (sorted[high] - sorted[low]) * (position - low);
        }
        return quantiles;
    }

    /// <summary>The normal distribution's quantiles, for generators saved before the empirical ones were stored.</summary>
    public static EmpiricalDistribution Normal(double mean, double sd)
    {
        var quantiles = new double[Levels];
        for (var q = 0; q < Levels; q++)
        {
            // The extreme levels are clipped at ±3.5 sd, as a sample of this size would be.
            var p = Math.Clamp((double)q / (Levels - 1), 2.3e-4, 1 - 2.3e-4);
            quantiles[q] = mean + sd * InverseNormal(p);
        }
        return new EmpiricalDistribution(quantiles);
    }

    /// <summary>The value at level <paramref name="p"/> in [0, 1].</summary>
    public double Quantile(double p)
    {
        var position = Math.Clamp(p, 0, 1) * (_quantiles.Length - 1);
        var low = (int)Math.Min(Math.Floor(position), _quantiles.Length - 2);
        return _quantiles[low] + (_quantiles[low + 1] - _quantiles[low]) * (position - low);
    }

    /// <summary>P(X ≤ x), by inverting the interpolated quantile function.</summary>
    public double Cdf(double x)
    {
        if (x <= _quantiles[0])
        {
            return 0;
        }
        if (x >= _quantiles[^1])
        {
            return 1;
        }
        var index = Array.BinarySearch(_quantiles, x);
        if (index >= 0)
        {
            return (double)index / (_quantiles.Length - 1);
        }
        var high = ~index;
        var low = high - 1;
        var width = _quantiles[high] - _quantiles[low];
        var fraction = width > 0 ? (x - _quantiles[low]) / width : 0.5;
        return (low + fraction) / (_quantiles.Length - 1);
    }

    public double Mean()
    {
        // The average of the quantile function over [0, 1], by the trapezoid rule.
        double sum = 0;
        for (var q = 1; q < _quantiles.Length; q++)
        {
            sum += (_quantiles[q] + _quantiles[q - 1]) / 2;
        }
        return sum / (_quantiles.Length - 1);
    }

    public double Variance()
    {
        var mean = Mean();
        double sum = 0;
        const int Steps = 2000;
        for (var i = 0; i < Steps; i++)
        {
            var v = Quantile((i + 0.5) / Steps) - mean;
            sum += v * v;
        }
        return sum / Steps;
    }

    /// <summary>Acklam's rational approximation of the normal quantile (relative error below 1.2e-9).</summary>
    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425)
        {
            return -InverseNormal(1 - p);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
