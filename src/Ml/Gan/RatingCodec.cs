using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// GANRS's rating scaling: (r−3)/5 on 1..5 and (r−5)/10 on 1..10, i.e. (r − middle) / span, where the span counts
/// one step beyond the range (5 on 1..5, 5 on half stars 0.5..5, 101 on 0..100).
/// </summary>
internal readonly record struct RatingCodec(RatingScale Scale)
{
    private float Middle => (float)(Scale.Min + (Scale.Max - Scale.Min) / 2);

    public float Span => (float)(Scale.Max - Scale.Min + Scale.Step);

    public float Encode(float rating) => (rating - Middle) / Span;

    /// <summary>The rating a scaled value stands for, before any clipping or rounding.</summary>
    public float Decode(float scaled) => scaled * Span + Middle;

    /// <summary>Decodes, clips to the scale and rounds: the class index (0-based) of the rating.</summary>
    public int DecodeClass(float scaled)
    {
        return Scale.ClassOf(scaled * Span + Middle);
    }
}
