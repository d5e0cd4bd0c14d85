using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli;

internal static class FidelityCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = new CommandLine(args, new HashSet<string> { "ranking" });
        var sourcePath = line.Positional(0, "the SOURCE ratings file");
        var syntheticPath = line.Positional(1, "the SYNTHETIC ratings file");
        var ranking = line.Flag("ranking");
        var epochs = line.Int("epochs", 10, 1, 10_000);
        var seed = line.Int("seed", 42);
        var json = line.OutputPath(JsonOutput.Option);
        var source = ImportArguments.Load(line, sourcePath);
        var synthetic = ImportArguments.Load(line, syntheticPath);
        line.RejectUnknown();
        if (source.Scale != synthetic.Scale)
        {
            throw new UsageException($"the source's scale is {source.Scale} but the synthetic file's is {synthetic.Scale}; declare one with --scale");
        }

        var dcr = FidelityMetrics.Dcr("profile", FidelityMetrics.RatingProfiles(source), FidelityMetrics.RatingProfiles(synthetic),
            FidelityMetrics.ProfileWidth(source.Scale));
        var report = FidelityMetrics.Compare(source, synthetic, dcr);
        if (ranking)
        {
            report = WithRanking(report, source, synthetic, epochs, seed, stderr);
        }
        Print(JsonOutput.HumanOutput(json, stdout, stderr), report);
        if (json is not null)
        {
            JsonOutput.Write(json, FidelityReportJson.From(report, null, null), stdout);
        }
        return GanrsCli.Ok;
    }

    /// <summary>Trains the six baselines on both datasets and compares their F1@10 ordering (threshold: scale maximum − 1).</summary>
    internal static FidelityReport WithRanking(FidelityReport report, RatingsDataset source, RatingsDataset synthetic, int epochs, int seed, TextWriter stderr)
    {
        var options = new BaselineOptions { Epochs = epochs, Seed = seed };
        TorchSharp.torch.set_num_threads(Ml.Torch.TorchRuntime.ThreadsForBatch(options.BatchSize));
        var settings = new EvaluationSettings([10], [source.Scale.Max - 1], [EvaluationProtocol.TestItems]);
        var console = new ConsoleProgress(stderr);
        var sourceSplit = DatasetSplit.Ratio(source.Count, 0.2, seed);
        var syntheticSplit = DatasetSplit.Ratio(synthetic.Count, 0.2, seed);
        double F1At10(RatingsDataset data, DatasetSplit split, BaselineKind kind) =>
            BaselineEvaluator.TrainAndEvaluate(kind, data, split, options, settings, console.For(Training.Describe($"{kind.Name()} on {data.Name}")))
                .Curves[EvaluationProtocol.TestItems][0].F1;
        var f1 = new Dictionary<string, SourceVsSynthetic>();
        foreach (var kind in BaselineKinds.All)
        {
            f1[kind.Name()] = new SourceVsSynthetic(F1At10(source, sourceSplit, kind), F1At10(synthetic, syntheticSplit, kind));
        }
        var tau = FidelityMetrics.KendallTau(f1.Values.Select(v => v.Source).ToList(), f1.Values.Select(v => v.Synthetic).ToList());
        return report with { RankingKendallTau = tau, F1At10 = f1 };
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
        if (report.Dcr is { } dcr)
        {
            stdout.WriteLine($"DCR ({dcr.Space} space): p5 {dcr.P5:F4}, median {dcr.Median:F4}, near copies {dcr.NearCopies} of {dcr.SyntheticUsers} (below {dcr.NearCopyThreshold:F4})");
        }
        if (report.RankingKendallTau is { } tau)
        {
            stdout.WriteLine($"model ranking by F1@10: Kendall tau {tau:F3}");
            foreach (var (model, f1) in report.F1At10!)
            {
                stdout.WriteLine($"  {model,-20} {f1.Source,8:F4} {f1.Synthetic,8:F4}");
            }
        }
    }
}
