using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Catalog;

/// <summary>
/// What the engine offers, read from its own enums and options records: the model kinds, variants and protocols,
/// and every option's default and bounds. The API serves it (<c>GET /api/catalog</c>), the pages build their
/// selectors and defaults from it, so nothing outside the engine repeats a name or a default.
/// </summary>
public sealed record EngineCatalog(
    IReadOnlyList<CatalogValue> Models,
    IReadOnlyList<CatalogValue> Variants,
    string DefaultVariant,
    IReadOnlyList<CatalogValue> Protocols,
    IReadOnlyDictionary<string, IReadOnlyList<CatalogOption>> Options,
    IReadOnlyList<CatalogValue> Downloads,
    string DownloadLicence,
    IReadOnlyList<CatalogValue> Objectives)
{
    public static readonly EngineCatalog Current = new(
        Values<BaselineKind>(),
        Values<GanrsVariant>(),
        GanrsVariants.Default.Name(),
        Values<EvaluationProtocol>(),
        new Dictionary<string, IReadOnlyList<CatalogOption>>
        {
            ["generator"] = OptionsOf(new GanrsOptions()),
            ["baseline"] = OptionsOf(new BaselineOptions()),
            ["sampling"] = OptionsOf(new SampleOptions()),
            ["ranking"] = OptionsOf(new RankingOptions()),
            ["scorecard"] = OptionsOf(new ScorecardTargets()),
        },
        Values<MovieLensRelease>(),
        MovieLensReleases.Licence,
        Values<GanObjective>());

    /// <summary>An option by group and name; throws for one the engine does not have, so a typo fails a test, not a page.</summary>
    public CatalogOption Option(string group, string name) =>
        Options[group].FirstOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException($"the engine has no {group} option '{name}'");

    private static IReadOnlyList<CatalogValue> Values<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new CatalogValue(NamedValues.NameOf(v),
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "")).ToList();

    private static IReadOnlyList<CatalogOption> OptionsOf<T>(T defaults) where T : notnull =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p =>
            {
                var range = p.GetCustomAttribute<RangeAttribute>();
                return new CatalogOption(JsonNamingPolicy.CamelCase.ConvertName(p.Name), TypeName(p.PropertyType), Default(p.GetValue(defaults)),
                    range is null ? null : Convert.ToDouble(range.Minimum), range is null ? null : Convert.ToDouble(range.Maximum));
            }).ToList();

    private static object? Default(object? value) => value switch
    {
        Enum e => EnumName(e),
        IEnumerable<BaselineKind> kinds => kinds.Select(k => k.Name()).ToList(),
        IEnumerable<EvaluationProtocol> protocols => protocols.Select(p => p.Name()).ToList(),
        // A nested record (the ranking's training settings) is listed in its own group.
        BaselineOptions => null,
        _ => value,
    };

    private static string EnumName(Enum value) =>
        (string)typeof(NamedValues).GetMethod(nameof(NamedValues.NameOf))!.MakeGenericMethod(value.GetType()).Invoke(null, [value])!;

    private static string TypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(double) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(string) => "text",
            { IsEnum: true } => JsonNamingPolicy.KebabCaseLower.ConvertName(type.Name),
            _ when type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "list",
            _ => "record",
        };
    }
}
