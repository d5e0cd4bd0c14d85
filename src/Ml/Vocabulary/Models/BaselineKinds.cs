namespace GanRsSandbox.Ml.Models;

public static class BaselineKinds
{
    public static readonly BaselineKind[] All = Enum.GetValues<BaselineKind>();

    /// <summary>The name used on the command line, in JSON and in the API.</summary>
    public static string Name(this BaselineKind kind) => NamedValues.NameOf(kind);

    public static bool TryParse(string name, out BaselineKind kind) => NamedValues.TryParse(name, out kind);

    /// <summary>Whether the model predicts a rating (and so has RMSE/MAE); ncf-binary predicts relevance only.</summary>
    public static bool PredictsRating(this BaselineKind kind) => kind != BaselineKind.NcfBinary;

    /// <summary>Whether the model outputs a class distribution and so a reliability p(argmax).</summary>
    public static bool IsClassifier(this BaselineKind kind) => kind is BaselineKind.NcfClassification or BaselineKind.NcfImproved;
}
