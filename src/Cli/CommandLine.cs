using System.Globalization;

namespace GanRsSandbox.Cli;

/// <summary>Bad command-line usage: exit code 2, with a message that names the argument.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A small parser for <c>command POSITIONAL... --name value --flag</c>. Every option a command reads is marked as
/// used, so that anything left over is reported as unknown rather than silently ignored.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public CommandLine(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? value = null;
                var equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    value = name[(equals + 1)..];
                    name = name[..equals];
                }
                else if (name == JsonOutput.Option && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                {
                    // A bare --json writes the report to stdout.
                    value = JsonOutput.Stdout;
                }
                else if (!flags.Contains(name))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"--{name} needs a value");
                    }
                    value = args[++i];
                }
                if (!_options.TryAdd(name, value))
                {
                    throw new UsageException($"--{name} is given more than once");
                }
            }
            else
            {
                _positionals.Add(arg);
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public string Positional(int index, string what) =>
        index < _positionals.Count ? _positionals[index] : throw new UsageException($"missing {what}");

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public string? String(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>
    /// An output file option, checked now so that a typo fails before minutes of work rather than after:
    /// its folder must exist. "-" (standard output, for --json) passes as it is.
    /// </summary>
    public string? OutputPath(string name)
    {
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

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        Parse(name, fallback, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, min, max);

    public long Long(string name, long fallback, long min = long.MinValue, long max = long.MaxValue) =>
        Parse(name, fallback, text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, min, max);

    public double Double(string name, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Parse(name, fallback, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null, min, max);

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

    /// <summary>Fails on any option that no part of the command asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }

    private T Parse<T>(string name, T fallback, Func<string, T?> parse, T min, T max) where T : struct, IComparable<T>
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }
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
