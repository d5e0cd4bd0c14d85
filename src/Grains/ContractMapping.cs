using System.Globalization;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

/// <summary>Engine results as the cluster's contracts carry them.</summary>
internal static class ContractMapping
{
    /// <summary>At most <paramref name="points"/> evenly spaced losses, the last one always kept.</summary>
    public static IReadOnlyList<LossPoint> Losses(IReadOnlyList<LossPoint> losses, int points = 300)
    {
        var step = Math.Max(1, (losses.Count + points - 1) / points);
        return losses.Where((_, i) => i % step == 0 || i == losses.Count - 1).ToList();
    }

    /// <summary>Runs an engine options record's own validation and answers its errors as 400s naming the request field.</summary>
    public static T Validated<T>(T options, Action<T> validate, string prefix = "")
    {
        try
        {
            validate(options);
            return options;
        }
        catch (ArgumentException e)
        {
            throw Invalid(e, prefix);
        }
    }

    /// <summary>An engine argument error as a 400 naming the request field (the engine names them as the CLI spells them).</summary>
    public static SandboxException Invalid(ArgumentException e, string prefix = "")
    {
        var problem = ArgumentProblem.Of(e);
        // The engine names parameters as properties (BatchSize) or options (noise-std); requests spell them in camelCase.
        var field = problem.Name switch
        {
            null => null,
            var name when name.Contains('-') => string.Concat(name.Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])),
            var name => char.ToLowerInvariant(name[0]) + name[1..],
        };
        var message = field is null ? problem.Reason
            : problem.ActualValue is { } value ? $"{prefix}{field}: {value} {problem.Reason}"
            : $"{prefix}{field}: {problem.Reason}";
        return SandboxException.Invalid(prefix + field, message);
    }
}
