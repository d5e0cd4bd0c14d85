using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli;

/// <summary>Options several commands share, with the engine's defaults.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec[] Import =
    [
        OptionSpec.Of("format", $"the file's format: {RatingsFileFormats.Names}", "auto"),
        new("scale", "the rating scale as min..max:step, such as 1..5, 0.5..5:0.5 or 0..100:1 (default: read from the values)"),
        OptionSpec.Flag("implicit", "read every row as an interaction (implicit feedback), ignoring any rating column"),
        OptionSpec.Of("duplicates", "a repeated (user, item) pair: reject the file, or keep the first or last rating", "reject"),
    ];

    public static readonly OptionSpec Json = new("json", "write the report as JSON to OUT (a bare --json: to standard output)");

    public static readonly OptionSpec Device = OptionSpec.Of("device", "where tensors live: cpu, cuda or auto", new SampleOptions().Device);

    /// <summary>The ranking verdict: the models trained on both sides over several split seeds.</summary>
    public static readonly OptionSpec[] Ranking =
    [
        OptionSpec.Flag("ranking", "train the six models on both sides and judge whether they rank alike"),
        OptionSpec.Of("ranking-seeds", "the split seeds of the ranking (comma-separated)", string.Join(",", new RankingOptions().Seeds)),
        OptionSpec.Of("epochs", "training epochs of every model of the ranking", new BaselineOptions().Epochs),
        new("targets", $"scorecard targets to change, as name=value,… ({string.Join(", ", ScorecardTargets.Names)})"),
    ];

    /// <summary>The thread budget of commands that train several models (<c>ThreadBudget</c>).</summary>
    public static readonly OptionSpec Threads = OptionSpec.Of("threads",
        "the cores to use (0: all): at batch 256 or less the trainings run side by side, one thread each, larger batches one at a time on all of them; the numbers do not depend on it", 0);

    /// <summary>The <see cref="Threads"/> budget as the engine takes it: null for every core.</summary>
    public static int? ThreadBudgetOf(CommandLine line) => line.Int("threads", 0, Ml.Torch.ThreadBudget.MaxThreads) is > 0 and var cores ? cores : null;

    public static string Variants => $"the GANRS variant: {NamedValues.Listed<GanrsVariant>()}";
}
