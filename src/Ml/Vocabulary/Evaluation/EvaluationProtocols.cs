namespace GanRsSandbox.Ml.Evaluation;

public static class EvaluationProtocols
{
    /// <summary>The protocols a trained model is scored under: the paper's, and the same with the prediction gate.</summary>
    public static readonly IReadOnlyList<EvaluationProtocol> Scored = [EvaluationProtocol.TestItems, EvaluationProtocol.Thresholded];

    public static string Name(this EvaluationProtocol protocol) => NamedValues.NameOf(protocol);

    public static bool TryParse(string text, out EvaluationProtocol protocol) => NamedValues.TryParse(text, out protocol);
}
