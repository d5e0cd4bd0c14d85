using System.CommandLine;
using System.Globalization;
using GanRsSandbox.Ml.Scenarios;

namespace GanRsSandbox.Cli;

/// <summary>
/// A parsed command line as the commands read it: System.CommandLine has matched the declared options (and refused
/// unknown ones, with suggestions); this turns their text into numbers and paths with messages that name the option.
/// </summary>
public sealed class CommandLine(ParseResult result, IReadOnlyDictionary<string, Option> options, IReadOnlyList<Argument<string?>> positionals)
{
    public string Positional(int index, string what) =>
        index < positionals.Count && result.GetValue(positionals[index]) is { } value ? value : throw new UsageException($"missing {what}");

    /// <summary>Whether the user typed the option, rather than its default standing in.</summary>
    public bool Given(string name) => result.GetResult(Declared(name)) is { Implicit: false };

    public bool Flag(string name) => result.GetValue((Option<bool>)Declared(name));

    /// <summary>The option's text: as given, else its declared default, else null.</summary>
    public string? String(string name) => result.GetValue((Option<string?>)Declared(name));

    /// <summary>
    /// An output file option, checked now so that a typo fails before minutes of work rather than after:
    /// its folder must exist. "-" (standard output, for --json, also a bare --json) passes as it is.
    /// </summary>
    public string? OutputPath(string name)
    {
        var option = Declared(name);
        if (name == JsonOutput.Option && result.GetResult(option) is { Implicit: false, Tokens.Count: 0 })
        {
            return JsonOutput.Stdout;
        }
        var path = String(name);
        if (path is null || path == JsonOutput.Stdout)
        {
            return path;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return directory is null || Directory.Exists(directory)
            ? path
            : throw new UsageException($"--{name}: the folder {directory} does not exist");
    }

    /// <summary>An input file option, checked now: null when not given, a usage error when the file does not exist.</summary>
    public string? InputFile(string name) => String(name) is not { } path ? null
        : File.Exists(path) ? path : throw new UsageException($"--{name}: {path} does not exist");

    public int Int(string name, int min = int.MinValue, int max = int.MaxValue) =>
        Parse(name, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, min, max);

    public long Long(string name, long min = long.MinValue, long max = long.MaxValue) =>
        Parse(name, text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, min, max);

    public double Double(string name, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Parse(name, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null, min, max);

    public int[]? IntList(string name, int min = int.MinValue)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < min)
            {
                throw new UsageException($"--{name}: '{parts[i]}' is not a whole number of at least {min}");
            }
        }
        return values.Length > 0 ? values : throw new UsageException($"--{name} needs at least one value");
    }

    /// <summary>A <c>NAME=SHARE,…</c> list (such as <c>F=0.5,M=0.5</c>), in the order given; null when the option is absent.</summary>
    public IReadOnlyList<KeyValuePair<string, double>>? Shares(string name) => String(name) is not { } text
        ? null
        : ShareList.TryParse(text, out var shares, out var error) ? shares : throw new UsageException($"--{name}: {error}");

    public double[]? DoubleList(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"--{name}: '{parts[i]}' is not a number");
            }
        }
        return values.Length > 0 ? values : throw new UsageException($"--{name} needs at least one value");
    }

    private Option Declared(string name) =>
        options.TryGetValue(name, out var option) ? option : throw new InvalidOperationException($"the command reads --{name} but does not declare it");

    private T Parse<T>(string name, Func<string, T?> parse, T min, T max) where T : struct, IComparable<T>
    {
        var text = String(name) ?? throw new InvalidOperationException($"--{name} has no default; read it with String first");
        var value = parse(text) ?? throw new UsageException($"--{name}: '{text}' is not a valid number");
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            throw new UsageException($"--{name}: {text} is out of range ({Range(min, max)})");
        }
        return value;
    }

    private static string Range<T>(T min, T max) where T : struct, IComparable<T>
    {
        var hasMin = !Equals(min, MinOf<T>());
        var hasMax = !Equals(max, MaxOf<T>());
        return (hasMin, hasMax) switch
        {
            (true, true) => $"must be between {min} and {max}",
            (true, false) => $"must be at least {min}",
            (false, true) => $"must be at most {max}",
            _ => "invalid",
        };
    }

    private static object MinOf<T>() => typeof(T) == typeof(int) ? int.MinValue : typeof(T) == typeof(long) ? long.MinValue : double.NegativeInfinity;

    private static object MaxOf<T>() => typeof(T) == typeof(int) ? int.MaxValue : typeof(T) == typeof(long) ? long.MaxValue : double.PositiveInfinity;
}
