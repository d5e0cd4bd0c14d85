namespace GanRsSandbox.Ml.Gan;

/// <summary>Turns generated scaled ratings into rating classes: by the paper's mean matching or by rank calibration.</summary>
internal sealed class RatingDecoder
{
    private readonly RatingCodec _codec;
    private readonly float _scale;
    private readonly float[]? _thresholds;

    private RatingDecoder(RatingCodec codec, float scale, float[]? thresholds)
    {
        _codec = codec;
        _scale = scale;
        _thresholds = thresholds;
    }

    /// <summary>The cut points between classes, in the scaled space, for a rank calibration; null for mean matching.</summary>
    public IReadOnlyList<float>? Thresholds => _thresholds;

    /// <summary>Paper step 5: rating *= mean(source) / mean(generated), in the scaled space.</summary>
    public static RatingDecoder MeanMatched(float[] scaledRatings, SourceSummary source)
    {
        double sum = 0;
        foreach (var r in scaledRatings)
        {
            sum += r;
        }
        var mean = sum / scaledRatings.Length;
        var factor = Math.Abs(mean) < 1e-12 ? 1 : source.MeanScaledRating / mean;
        return new RatingDecoder(new RatingCodec(source.Scale), (float)factor, null);
    }

    /// <summary>
    /// Rank calibration: the generated ratings keep their order, and the cut points between rating values
    /// are placed so that each value gets the source's share. The GAN decides which samples rate higher;
    /// the source decides how many get each value.
    /// </summary>
    public static RatingDecoder Quantile(float[] scaledRatings, SourceSummary source)
    {
        var sorted = (float[])scaledRatings.Clone();
        Array.Sort(sorted);
        var thresholds = new float[source.RatingShares.Length - 1];
        double cumulative = 0;
        for (var c = 0; c < thresholds.Length; c++)
        {
            cumulative += source.RatingShares[c];
            var index = (int)Math.Clamp(Math.Round(cumulative * sorted.Length), 0, sorted.Length - 1);
            thresholds[c] = sorted[index];
        }
        return new RatingDecoder(new RatingCodec(source.Scale), 1, thresholds);
    }

    public int ClassOf(float scaled)
    {
        if (_thresholds is null)
        {
            return _codec.DecodeClass(scaled * _scale);
        }
        var c = 0;
        while (c < _thresholds.Length && scaled >= _thresholds[c])
        {
            c++;
        }
        return c;
    }
}
