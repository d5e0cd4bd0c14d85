using System.CommandLine;
using System.CommandLine.Invocation;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

/// <summary>The <c>ganrs</c> entry point: dispatches commands and turns failures into exit codes.</summary>
public static class GanrsCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;
    public const int BadData = 3;
    public const int DownloadFailed = 4;

    public static readonly IReadOnlyList<CommandSpec> Commands =
        [ImportCommand.Spec, StatsCommand.Spec, EvaluateCommand.Spec, GenerateCommand.Spec, FidelityCommand.Spec, ReproduceCommand.Spec, ExportCommand.Spec, DownloadCommand.Spec];

    /// <summary>Parses with System.CommandLine (per-command help with the engine's defaults, suggestions for typos, completions), then runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ganrs: synthetic recommender data and deep-learning CF baselines. Exit codes: 0 ok, 1 unexpected failure, 2 bad arguments, 3 bad input data, 4 download failed (network, server or checksum).");
        foreach (var spec in Commands)
        {
            root.Subcommands.Add(Build(spec));
        }
        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"ganrs: {error.Message}");
            }
            // The parser's own error action adds the nearest option or command for a typo ("Did you mean --users?").
            if (parsed.Action is ParseErrorAction suggestions)
            {
                suggestions.ShowHelp = false;
                parsed.Invoke(new InvocationConfiguration { Output = stderr, Error = TextWriter.Null });
            }
            stderr.WriteLine($"Run 'ganrs {(parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name + " ")}--help' for usage.");
            return BadArguments;
        }
        try
        {
            return parsed.Invoke(invocation);
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
        catch (DownloadException e)
        {
            stderr.WriteLine($"ganrs: download failed: {e.Message}");
            return DownloadFailed;
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

    private static Command Build(CommandSpec spec)
    {
        var command = new Command(spec.Name, spec.Description);
        var positionals = spec.Positionals.Select(name => new Argument<string?>(name) { Arity = ArgumentArity.ZeroOrOne }).ToList();
        foreach (var argument in positionals)
        {
            command.Arguments.Add(argument);
        }
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in spec.Options)
        {
            Option built = option.IsFlag
                ? new Option<bool>("--" + option.Name) { Description = option.Description }
                : new Option<string?>("--" + option.Name)
                {
                    Description = option.Description,
                    HelpName = option.Name == JsonOutput.Option ? "OUT" : null,
                    Arity = option.Name == JsonOutput.Option ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
                    DefaultValueFactory = option.Default is { } text ? _ => text : null,
                };
            options.Add(option.Name, built);
            command.Options.Add(built);
        }
        command.SetAction(result => spec.Run(new CommandLine(result, options, positionals), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
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
