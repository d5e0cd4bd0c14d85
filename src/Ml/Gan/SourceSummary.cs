using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Gan;

/// <summary>Facts about the source dataset that sampling and the fidelity report need, without the ratings themselves.</summary>
public sealed record SourceSummary(
    string Name,
    RatingScale Scale,
    DatasetStats Stats,
    double MeanScaledRating,
    double[] RatingShares,
    int[] UserDegrees,
    int[] ItemDegrees)
{
    /// <summary>
    /// The reference model's test RMSE on the source (<see cref="Evaluation.ReferenceModel"/>, with the pre-training's
    /// settings): the difficulty the matched variant gives its synthetic sets. Null in generators saved before it existed.
    /// </summary>
    public double? ReferenceRmse { get; init; }

    /// <summary>
    /// The shapes the matched variant gives its latent ratings and their noise: quantiles (at evenly spaced levels,
    /// lowest first) of the pre-trained DeepMF's predictions on the source's ratings and of its residuals there.
    /// Null in generators saved before they existed.
    /// </summary>
    public double[]? PredictionQuantiles { get; init; }

    public double[]? ResidualQuantiles { get; init; }

    /// <summary>
    /// Spearman's ρ between an item's (a user's) number of ratings and its mean rating in the source
    /// (<see cref="Evaluation.FidelityMetrics.DegreeRatingSpearman"/>), for the fidelity report's source side. Null in
    /// generators saved before they existed, whose reports leave the figures out.
    /// </summary>
    public double? ItemDegreeRatingSpearman { get; init; }

    public double? UserDegreeRatingSpearman { get; init; }

    /// <summary>
    /// The source's users' and items' mean ratings by degree rank (<see cref="MemberOffsets"/>): the matched variant
    /// gives them to its users and items. Null in generators saved before they existed, whose sets keep the GAN
    /// centres' dot product alone.
    /// </summary>
    public DegreeOffsets? UserOffsets { get; init; }

    public DegreeOffsets? ItemOffsets { get; init; }

    /// <summary>
    /// The standard deviation, over the source's ratings, of the pre-trained DeepMF's dot product once each user's and
    /// each item's mean over its ratings is taken out (<see cref="MemberOffsets.KeepInteraction"/>): the part of a predicted
    /// rating that is neither member's offset. It sets how much a synthetic pair's own interaction weighs against them.
    /// </summary>
    public double? InteractionStd { get; init; }

    /// <summary>The source ratings' mean and variance, from its rating shares.</summary>
    public (double Mean, double Variance) RatingMoments()
    {
        double mean = 0, square = 0;
        for (var c = 0; c < RatingShares.Length; c++)
        {
            var rating = Scale.ValueOf(c);
            mean += RatingShares[c] * rating;
            square += RatingShares[c] * rating * rating;
        }
        return (mean, Math.Max(square - mean * mean, 1e-6));
    }
}
