namespace GanRsSandbox.Ml.Models;

/// <summary>The six baselines of the paper's Table II.</summary>
public enum BaselineKind
{
    DeepMf,
    VDeepMf,
    Ncf,
    NcfClassification,
    NcfImproved,
    NcfBinary,
}

public static class BaselineKinds
{
    public static readonly BaselineKind[] All = Enum.GetValues<BaselineKind>();

    /// <summary>The name used on the command line, in JSON and in the API.</summary>
    public static string Name(this BaselineKind kind) => kind switch
    {
        BaselineKind.DeepMf => "deepmf",
        BaselineKind.VDeepMf => "vdeepmf",
        BaselineKind.Ncf => "ncf",
        BaselineKind.NcfClassification => "ncf-classification",
        BaselineKind.NcfImproved => "ncf-improved",
        BaselineKind.NcfBinary => "ncf-binary",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string name, out BaselineKind kind) => NamedValues.TryParse(name, v => v.Name(), out kind);

    /// <summary>Whether the model predicts a rating (and so has RMSE/MAE); ncf-binary predicts relevance only.</summary>
    public static bool PredictsRating(this BaselineKind kind) => kind != BaselineKind.NcfBinary;

    /// <summary>Whether the model outputs a class distribution and so a reliability p(argmax).</summary>
    public static bool IsClassifier(this BaselineKind kind) => kind is BaselineKind.NcfClassification or BaselineKind.NcfImproved;
}
