namespace GanRsSandbox.Ml.Experiments;

/// <summary>The grids <c>ganrs reproduce</c>, the API and the Experiments page offer, by name.</summary>
public static class ExperimentPresets
{
    /// <summary>The paper's grid: about half an hour on ml-100k on 2 cores.</summary>
    public const string Paper = "paper";

    /// <summary>The same grid shrunk to minutes.</summary>
    public const string Quick = "quick";

    public static readonly IReadOnlyList<string> All = [Quick, Paper];
}
