using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Cli.Tests;

/// <summary>The command line's help and errors come from System.CommandLine, with the engine's own defaults.</summary>
public sealed class HelpTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GanrsCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Generate_help_shows_every_option_with_the_engines_default()
    {
        var (code, help, _) = Run("generate", "--help");
        Assert.Equal(GanrsCli.Ok, code);
        var sampling = new SampleOptions();
        Assert.Contains($"--users <users>", help);
        Assert.Contains($"[default: {sampling.Users}]", help);
        Assert.Contains($"[default: {sampling.Samples}]", help);
        Assert.Contains($"[default: {new GanrsOptions().Iterations}]", help);
        Assert.Contains($"[default: {GanrsVariants.Default.Name()}]", help);
        foreach (var option in GanrsCli.Commands.Single(c => c.Name == "generate").Options)
        {
            Assert.Contains("--" + option.Name, help);
        }
    }

    [Fact]
    public void Evaluate_help_lists_the_models_from_the_engine()
    {
        var (_, help, _) = Run("evaluate", "--help");
        Assert.Contains(string.Join(",", BaselineKinds.All.Select(k => k.Name())), help);
        Assert.Contains($"[default: {new BaselineOptions().Seed}]", help);
    }

    [Fact]
    public void A_typo_gets_the_nearest_option_and_exit_code_two()
    {
        var (code, _, error) = Run("generate", "source.csv", "--user", "5");
        Assert.Equal(GanrsCli.BadArguments, code);
        Assert.StartsWith("ganrs: ", error);
        Assert.Contains("--user", error);
        Assert.Contains("Did you mean", error);
        Assert.Contains("--users", error[error.IndexOf("Did you mean", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Every_command_has_help_and_no_command_is_bad_usage()
    {
        foreach (var command in GanrsCli.Commands)
        {
            Assert.Equal(GanrsCli.Ok, Run(command.Name, "--help").Code);
        }
        Assert.Equal(GanrsCli.BadArguments, Run().Code);
        Assert.Equal(GanrsCli.Ok, Run("--help").Code);
    }
}
