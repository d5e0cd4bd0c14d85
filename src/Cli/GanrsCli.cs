using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

/// <summary>The <c>ganrs</c> entry point: dispatches commands and turns failures into exit codes.</summary>
public static class GanrsCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;
    public const int BadData = 3;

    public const string Usage = """
        ganrs — synthetic recommender data and deep-learning CF baselines

        Usage:
          ganrs import FILE --out DATASET.grsd [--format ...] [--scale MIN..MAX] [--duplicates ...]
          ganrs stats FILE [--json OUT] [--format auto|u.data|ratings.dat|csv] [--scale MIN..MAX] [--duplicates reject|first|last]
          ganrs evaluate FILE [--models deepmf,vdeepmf,ncf,ncf-classification,ncf-improved,ncf-binary]
                              [--seed 42] [--test-ratio 0.2 | --split cf4j --test-users 0.2 --test-items 0.2]
                              [--n 2,4,6,8,10] [--thresholds 4,5] [--protocol test-items|thresholded|all-items]
                              [--epochs 10] [--batch 32] [--factors 5] [--lr 0.001] [--device cpu|cuda|auto]
                              [--threads N (0: 1 for small batches, else all cores)] [--json OUT]  (plus the import options of stats)
          ganrs generate SOURCE --out SYNTH.csv [--users 2000] [--items 4000] [--samples 800000] [--noise-std 2.5] [--seed 1]
                              [--variant stable|ganrs|popular] [--iterations 20000] [--pretrain-epochs 10] [--evaluate-every 500]
                              [--generator-out G] [--generator G] [--compare-faithful] [--kmeans-iterations 100] [--json REPORT]
          ganrs fidelity SOURCE SYNTHETIC [--ranking [--epochs 10] [--seed 42]] [--json OUT]
          ganrs reproduce --source FILE --out DIR [--quick] [--seed 1] [--variant stable|ganrs|popular] [--device cpu|cuda|auto]

        Exit codes: 0 ok, 1 unexpected failure, 2 bad arguments, 3 bad input data.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? BadArguments : Ok;
        }
        try
        {
            return args[0] switch
            {
                "import" => ImportCommand.Run(args[1..], stdout, stderr),
                "stats" => StatsCommand.Run(args[1..], stdout, stderr),
                "evaluate" => EvaluateCommand.Run(args[1..], stdout, stderr),
                "generate" => GenerateCommand.Run(args[1..], stdout, stderr),
                "fidelity" => FidelityCommand.Run(args[1..], stdout, stderr),
                "reproduce" => ReproduceCommand.Run(args[1..], stdout, stderr),
                _ => throw new UsageException($"unknown command '{args[0]}' (try: import, stats, evaluate, generate, fidelity)"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"ganrs: {e.Message}");
            stderr.WriteLine("Run 'ganrs --help' for usage.");
            return BadArguments;
        }
        catch (ArgumentException e)
        {
            // The engine validates its options too; what reaches here was given on the command line.
            stderr.WriteLine($"ganrs: {Describe(e)}");
            return BadArguments;
        }
        catch (DataFormatException e)
        {
            stderr.WriteLine($"ganrs: bad input: {e.Message}");
            return BadData;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("ganrs: cancelled");
            return Failure;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("GANRS_DEBUG") is null)
        {
            stderr.WriteLine($"ganrs: failed: {e.Message} ({e.GetType().Name}; set GANRS_DEBUG=1 for details)");
            return Failure;
        }
    }

    /// <summary>"--users: 0 must be positive" rather than .NET's "must be positive (Parameter 'users') Actual value was 0.".</summary>
    private static string Describe(ArgumentException e)
    {
        var problem = GanRsSandbox.Ml.ArgumentProblem.Of(e);
        if (problem.Name is not { } name)
        {
            return problem.Reason;
        }
        // Engine parameters named as the command line spells them (lower case, hyphens) are shown as options.
        var option = name.All(c => char.IsLower(c) || c == '-') ? "--" + name : name;
        return problem.ActualValue is { } value ? $"{option}: {value} {problem.Reason}" : $"{option}: {problem.Reason}";
    }
}
