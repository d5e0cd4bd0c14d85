namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// One scored generator checkpoint. <see cref="HeldRatingTvd"/>: the rating TVD of a held sample drawn at the
/// sampling noise, under the paper's decoding; the stable variants sample from the checkpoint where it is lowest.
/// <see cref="MomentGap"/>, reported only: how far the per-column means and spreads of a held sample at the
/// training noise are from the real samples' (mean gap in real standard deviations plus |log spread ratio|,
/// averaged over columns). Adding it to the selection score was tried on ml-100k and made the choice worse
/// (the paper's 4-unit discriminator leaves spreads off by a factor of several at every checkpoint).
/// </summary>
public sealed record CheckpointScore(int Iteration, double HeldRatingTvd, double MomentGap);
