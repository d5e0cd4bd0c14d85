namespace GanRsSandbox.Ml.Progress;

/// <summary>
/// How far a job is, as the engine reports it: the stage it is in, the step within that stage, and the stage's
/// figures by name (<see cref="MetricNames"/>). The cluster carries it as it is; the CLI and the pages format it, and
/// whoever watches the stages change times them for an ETA.
/// </summary>
/// <param name="Stage">pretrain, gan, sample, cluster-users, cluster-items, assign, pairs, difficulty, train, evaluate …</param>
public sealed record StageProgress(string Stage, long Step, long Steps, IReadOnlyDictionary<string, double>? Metrics = null)
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = Metrics ?? NoMetrics;

    public double Fraction => Steps <= 0 ? 0 : Math.Clamp((double)Step / Steps, 0, 1);

    /// <summary>How much of the stage is done: its estimated work where its steps differ in size (<see cref="MetricNames.Work"/>), else its steps.</summary>
    public double Share => Metric(MetricNames.Work) is { } work ? Math.Clamp(work, 0, 1) : Fraction;

    /// <summary>What the current step works on, where a stage has one ("deepmf on syn-u2000-i4000"); null otherwise.</summary>
    public string? Detail { get; init; }

    public double? Metric(string name) => Metrics.TryGetValue(name, out var value) ? value : null;

    /// <summary>"sample 120,000/800,000, loss 0.412": the one plain-text form, for logs and the console.</summary>
    public override string ToString()
    {
        var figures = string.Concat(Metrics.Select(m => FormattableString.Invariant($", {m.Key} {m.Value:G4}")));
        return FormattableString.Invariant($"{Stage} {Step:N0}/{Steps:N0}{figures}{(Detail is null ? "" : ": " + Detail)}");
    }
}
