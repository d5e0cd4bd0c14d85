namespace GanRsSandbox.Cli;

/// <summary>A <c>ganrs</c> command: its name, its positional arguments, its options, and what it runs.</summary>
public sealed record CommandSpec(
    string Name,
    string Description,
    IReadOnlyList<string> Positionals,
    IReadOnlyList<OptionSpec> Options,
    Func<CommandLine, TextWriter, TextWriter, int> Run);
