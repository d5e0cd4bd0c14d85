namespace GanRsSandbox.Ml.Evaluation;

/// <summary>Spearman's rank correlation, ties given their average rank.</summary>
public static class RankCorrelation
{
    /// <summary>Spearman's ρ of two equally long sequences; 0 where either is constant.</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException("the sequences must be equally long", nameof(b));
        }
        var (x, y) = (Ranks(a), Ranks(b));
        double meanX = x.Average(), meanY = y.Average(), covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        return varianceX == 0 || varianceY == 0 ? 0 : covariance / Math.Sqrt(varianceX * varianceY);
    }

    /// <summary>Each value's rank from 0, ties sharing the mean of their ranks.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (i, j) => values[i].CompareTo(values[j]));
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = (start + end) / 2.0;
            }
            start = end + 1;
        }
        return ranks;
    }
}
