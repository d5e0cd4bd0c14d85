namespace GanRsSandbox.Cli;

/// <summary>
/// One option of a command: its name without the dashes, what it does, and its default as the engine defines it
/// (null: none, the option is absent unless given). The help shows the default; a command reads the value through
/// <see cref="CommandLine"/>, which parses and bounds it with the command's own messages.
/// </summary>
public sealed record OptionSpec(string Name, string Description, string? Default = null, bool IsFlag = false)
{
    public static OptionSpec Flag(string name, string description) => new(name, description, IsFlag: true);

    public static OptionSpec Of(string name, string description, object? engineDefault) =>
        new(name, description, engineDefault switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var other => other.ToString(),
        });
}
