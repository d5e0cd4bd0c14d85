using System.Globalization;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Workflows;

namespace GanRsSandbox.Cli;

internal static class FidelityCommand
{
    public static readonly CommandSpec Spec = new("fidelity", "compare a synthetic ratings file with its source: the fidelity report and its scorecard",
        ["SOURCE", "SYNTHETIC"], [.. CommonOptions.Ranking, CommonOptions.Json, .. CommonOptions.Import], Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var sourcePath = line.Positional(0, "the SOURCE ratings file");
        var syntheticPath = line.Positional(1, "the SYNTHETIC ratings file");
        var ranking = RankingArguments(line);
        var targets = Targets(line);
        var json = line.OutputPath(JsonOutput.Option);
        var source = ImportArguments.Load(line, sourcePath, stderr);
        var synthetic = ImportArguments.Load(line, syntheticPath, stderr);
        if (source.Scale != synthetic.Scale)
        {
            throw new UsageException($"the source's scale is {source.Scale} but the synthetic file's is {synthetic.Scale}; declare one with --scale");
        }

        var dcr = FidelityMetrics.Dcr("profile", FidelityMetrics.RatingProfiles(source), FidelityMetrics.RatingProfiles(synthetic),
            FidelityMetrics.ProfileWidth(source.Scale));
        var report = FidelityMetrics.Compare(source, synthetic, dcr);
        if (ranking is not null)
        {
            using var console = new ConsoleProgress(stderr);
            report = report with { Ranking = EngineWorkflows.JudgeRanking(source, synthetic, ranking, console.Stages()) };
        }
        report = report.Scored(targets);
        var human = JsonOutput.HumanOutput(json, stdout, stderr);
        Print(human, report);
        PrintScorecard(human, report.Scorecard ?? []);
        if (json is not null)
        {
            JsonOutput.Write(json, report, stdout);
        }
        return GanrsCli.Ok;
    }

    /// <summary>
    /// <c>--ranking</c> with <c>--ranking-seeds 1,2,3</c> (the split seeds) and <c>--epochs</c>: the options of the ranking
    /// verdict, or null when no ranking is asked for.
    /// </summary>
    internal static RankingOptions? RankingArguments(CommandLine line)
    {
        var wanted = line.Flag("ranking");
        var seeds = line.IntList("ranking-seeds");
        var epochs = line.Int("epochs", 1, BaselineOptions.MaxEpochs);
        if (!wanted)
        {
            return null;
        }
        var options = new RankingOptions { Training = new BaselineOptions { Epochs = epochs } };
        options = options with { Seeds = seeds! };
        options.Validate();
        return options;
    }

    /// <summary><c>--targets raw-tvd=0.05,gini-gap=0.03</c>: the scorecard's targets, changed where given.</summary>
    internal static ScorecardTargets Targets(CommandLine line)
    {
        var targets = new ScorecardTargets();
        var text = line.String("targets");
        if (text is null)
        {
            return targets;
        }
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new UsageException($"--targets: '{part}' is not NAME=NUMBER");
            }
            if (!targets.TryWith(pieces[0], value, out targets))
            {
                throw new UsageException($"--targets: unknown target '{pieces[0]}' ({string.Join(", ", ScorecardTargets.Names)})");
            }
        }
        return targets;
    }

    public static void PrintScenario(TextWriter stdout, IReadOnlyList<ScenarioFigure> figures)
    {
        if (figures.Count == 0)
        {
            return;
        }
        stdout.WriteLine($"{"scenario",-64} {"source",8} {"synthetic",10} {"requested",10}");
        foreach (var f in figures)
        {
            stdout.WriteLine($"  {f.Metric,-62} {(f.Source is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "-"),8} {f.Synthetic,10:F3} {(f.Requested is { } r ? r.ToString("F3", CultureInfo.InvariantCulture) : "-"),10}");
        }
    }

    public static void Print(TextWriter stdout, FidelityReport report)
    {
        stdout.WriteLine($"{"fidelity",-14} {"source",10} {"synthetic",10}");
        stdout.WriteLine($"{"rating TVD",-14} {"",10} {report.RatingTvd,10:F4}");
        stdout.WriteLine($"{"mean gap",-14} {"",10} {report.MeanGap,10:F4}");
        stdout.WriteLine($"{"density",-14} {report.Density.Source,10:F4} {report.Density.Synthetic,10:F4}");
        stdout.WriteLine($"{"gini users",-14} {report.GiniUsers.Source,10:F4} {report.GiniUsers.Synthetic,10:F4}");
        stdout.WriteLine($"{"gini items",-14} {report.GiniItems.Source,10:F4} {report.GiniItems.Synthetic,10:F4}");
        stdout.WriteLine($"{"head share",-14} {report.HeadShare.Source,10:F4} {report.HeadShare.Synthetic,10:F4}");
        // Spearman's ρ between a member's ratings count and its mean rating: are the popular items the liked ones?
        if (report.ItemPopularityRating is { } items)
        {
            stdout.WriteLine($"{"ρ items",-14} {items.Source,10:F4} {items.Synthetic,10:F4}  (popularity vs mean rating)");
        }
        if (report.UserActivityRating is { } users)
        {
            stdout.WriteLine($"{"ρ users",-14} {users.Source,10:F4} {users.Synthetic,10:F4}  (activity vs mean rating)");
        }
        if (report.Difficulty is { } difficulty)
        {
            stdout.WriteLine($"{"reference RMSE",-14} {difficulty.SourceReferenceRmse,10:F4} {difficulty.SyntheticReferenceRmse,10:F4}" +
                (difficulty.NoiseStd > 0 ? $"  (residual noise σ {difficulty.NoiseStd:F3}, {difficulty.ReferenceFits} reference trainings)" : ""));
        }
        if (report.Dcr is { } dcr)
        {
            stdout.WriteLine($"DCR ({dcr.Space} space): p5 {dcr.P5:F4}, median {dcr.Median:F4}, near copies {dcr.NearCopies} of {dcr.SyntheticUsers} (below {dcr.NearCopyThreshold:F4})");
        }
        if (report.Ranking is { } ranking)
        {
            stdout.WriteLine($"model ranking by F1@{ranking.N} ({ranking.Protocol.Name()}, threshold {ranking.Threshold}, split seeds {string.Join(",", ranking.Seeds)}): " +
                $"Kendall tau {Tau(ranking.Tau)}, source self-agreement {Tau(ranking.SelfAgreementTau)}; best model {(ranking.BestAgrees ? "agrees" : "differs")}, worst {(ranking.WorstAgrees ? "agrees" : "differs")}");
            stdout.WriteLine($"  {"model",-20} {"F1 source",10} {"synthetic",10} {"RMSE source",12} {"synthetic",10}");
            foreach (var model in ranking.Models)
            {
                stdout.WriteLine($"  {model.Model.Name(),-20} {model.SourceF1,10:F4} {model.SyntheticF1,10:F4} {Optional(model.SourceRmse),12} {Optional(model.SyntheticRmse),10}");
            }
        }
    }

    public static void PrintScorecard(TextWriter stdout, IReadOnlyList<ScorecardEntry> scorecard)
    {
        stdout.WriteLine($"{"scorecard",-38} {"value",10} {"target",16}");
        foreach (var entry in scorecard)
        {
            var mark = entry.Pass switch { true => "pass", false => "FAIL", null => "-" };
            stdout.WriteLine($"{entry.Metric,-38} {Optional(entry.Value),10} {entry.Rule + " " + entry.Target.ToString("0.###", CultureInfo.InvariantCulture),16}  {mark}");
        }
    }

    private static string Tau(double? tau) => tau is { } t ? t.ToString("F3", CultureInfo.InvariantCulture) : "undefined (all tied)";

    private static string Optional(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";
}
