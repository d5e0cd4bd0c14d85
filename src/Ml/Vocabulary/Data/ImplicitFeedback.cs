using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// What applies to implicit feedback (interactions without ratings, <see cref="RatingScale.IsUnary"/>) and why the rest
/// does not. Every layer asks here, so the CLI, the API and the pages refuse alike instead of producing numbers that
/// mean nothing.
/// </summary>
public static class ImplicitFeedback
{
    /// <summary>The one model that learns interactions: ncf-binary, against sampled negatives.</summary>
    public const BaselineKind Model = BaselineKind.NcfBinary;

    /// <summary>The one protocol that means something: every unrated item ranked, the held-out interactions relevant.</summary>
    public const EvaluationProtocol Protocol = EvaluationProtocol.AllItems;

    public const string GeneratorRefusal =
        "GANRS generates ratings from a DeepMF fitted to ratings; implicit feedback (interactions without ratings) has none to learn from";

    /// <summary>Why <paramref name="kind"/> cannot be trained on this scale; null when it can.</summary>
    public static string? Refuses(RatingScale scale, BaselineKind kind) => scale.IsUnary && kind != Model
        ? $"{kind.Name()} learns ratings, and implicit feedback has none: on interactions only {Model.Name()} applies, trained against sampled negatives"
        : null;

    /// <summary>Why <paramref name="protocol"/> means nothing on this scale; null when it does.</summary>
    public static string? Refuses(RatingScale scale, EvaluationProtocol protocol) => scale.IsUnary && protocol != Protocol
        ? $"the {protocol.Name()} protocol ranks only held-out interactions, which are all relevant in implicit feedback, " +
          $"so every model would score precision 1; use {Protocol.Name()}"
        : null;
}
