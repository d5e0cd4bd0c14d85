using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;

namespace GanRsSandbox.Cli;

/// <summary><c>ganrs reproduce</c>: the paper's Table III grid for one source, resumable, with figures and a report.</summary>
internal static class ReproduceCommand
{
    private static readonly ExperimentPlan Paper = ExperimentPlan.Paper();

    public static readonly CommandSpec Spec = new("reproduce", "the paper's grid for one source: GANRS datasets, the six baselines on each, the ranking verdict, trends, figures and a report (resumable)",
        [],
        [
            new("source", "the source ratings file"),
            new("out", "the run's folder (created; an existing one is resumed)"),
            OptionSpec.Flag("quick", "a tenth of the samples and iterations, 3 epochs: minutes instead of half an hour"),
            OptionSpec.Of("seed", "the seed of the whole grid", Paper.Seed),
            OptionSpec.Of("variant", CommonOptions.Variants, Paper.Variant.Name()),
            OptionSpec.Of("ranking-seeds", "split seeds of the ranking verdict (each extra one trains every cell once more)", Paper.RankingSeeds),
            .. ScenarioArguments.Unconditional,
            CommonOptions.Threads,
            CommonOptions.Device,
            .. CommonOptions.Import,
        ],
        Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var sourcePath = line.String("source") ?? throw new UsageException("--source FILE is required");
        var outDirectory = line.String("out") ?? throw new UsageException("--out DIR is required");
        var parent = Path.GetDirectoryName(Path.GetFullPath(outDirectory));
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new UsageException($"--out: the folder {parent} does not exist");
        }
        var quick = line.Flag("quick");
        var seed = line.Int("seed");
        var variantText = line.String("variant")!;
        if (!GanrsVariants.TryParse(variantText, out var variant))
        {
            throw new UsageException($"--variant: unknown variant '{variantText}' ({GanrsVariants.Names})");
        }
        var rankingSeeds = line.Int("ranking-seeds", 1, ExperimentPlan.MaxRankingSeeds);
        var scenario = ScenarioArguments.ApplyUnconditional(line, new SampleOptions());
        var device = Devices.Parse(line.String("device"));
        var threads = CommonOptions.ThreadBudgetOf(line);

        var plan = (quick ? ExperimentPlan.Quick(seed, device) : ExperimentPlan.Paper(seed, device)) with
        {
            Variant = variant,
            RankingSeeds = rankingSeeds,
            Scenario = scenario.HasScenario ? scenario : null,
        };
        // Checked before the source is read, so that a scenario the grid cannot sample fails at once.
        ExperimentRunner.CheckScenario(plan);
        var source = ImportArguments.Load(line, sourcePath, stderr);
        stderr.WriteLine($"{source.Name}: {source.UserCount:N0} users, {source.ItemCount:N0} items, {source.Count:N0} ratings; " +
            $"{plan.Name} grid: the source and {plan.Synthetic.Count} GANRS datasets, six baselines each, into {Path.GetFullPath(outDirectory)}");
        var report = ExperimentRunner.Run(source, outDirectory, plan, new ProgressRelay<ExperimentProgress>(p =>
            stderr.WriteLine($"[{p.Step}/{p.Steps}] {p.Fraction,4:P0} {p.Elapsed:hh\\:mm\\:ss}" + (p.Eta is { } eta ? $" ETA {eta:hh\\:mm\\:ss}" : "") + $"  {p.Message}")),
            threads: threads);

        stdout.WriteLine("ranking agreement with the source (Kendall tau of F1@10 over the split seeds, next to the source's self-agreement):");
        foreach (var agreement in report.Agreement)
        {
            stdout.WriteLine(agreement.Verdict is { } v
                ? $"  {agreement.Dataset,-20} tau {Tau(v.Tau)}, self-agreement {Tau(v.SelfAgreementTau)} ({v.Protocol.Name()}, rating ≥ {v.Threshold}, seeds {string.Join(",", v.Seeds)}); best {(v.BestAgrees ? "agrees" : "differs")}, worst {(v.WorstAgrees ? "agrees" : "differs")}"
                : $"  {agreement.Dataset,-20} not trained yet");
        }
        stdout.WriteLine($"expected trends holding: {report.Trends.Count(t => t.Holds)} of {report.Trends.Count}");
        foreach (var trend in report.Trends.Where(t => !t.Holds))
        {
            stdout.WriteLine($"  not on {trend.Dataset}: {trend.Trend} ({trend.Evidence})");
        }
        stdout.WriteLine($"wrote results.csv, results.json, report.md and {report.Datasets.Count} figures to {Path.GetFullPath(outDirectory)} in {report.Seconds / 60:F1} min");
        return GanrsCli.Ok;
    }

    private static string Tau(double? tau) => tau is { } t ? t.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "undefined";
}
