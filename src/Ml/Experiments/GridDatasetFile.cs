using System.Text.Json;
using System.Text.Json.Nodes;
using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// Reads a grid folder's <c>datasets/KEY.json</c>, also as releases before the one fidelity report wrote it: their
/// flat figures (<c>densitySource</c>, <c>giniItemsSynthetic</c>, <c>dcrMedian</c> …) become the report's, so that a
/// resumed old run and the Experiments page keep every figure it measured.
/// </summary>
internal static class GridDatasetFile
{
    public static GridDataset Read(string path, JsonSerializerOptions json)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        if (node["fidelity"] is JsonObject fidelity && fidelity["densitySource"] is not null)
        {
            node["fidelity"] = Upgraded(fidelity);
        }
        return node.Deserialize<GridDataset>(json)!;
    }

    private static JsonObject Upgraded(JsonObject flat)
    {
        double Number(string name) => flat[name]?.GetValue<double>() ?? double.NaN;
        JsonObject Pair(string name) => new() { ["source"] = Number(name + "Source"), ["synthetic"] = Number(name + "Synthetic") };
        var report = new JsonObject
        {
            ["ratingTvd"] = Number("ratingTvd"),
            ["meanGap"] = Number("meanGap"),
            ["density"] = Pair("density"),
            ["giniUsers"] = Pair("giniUsers"),
            ["giniItems"] = Pair("giniItems"),
            ["headShare"] = Pair("headShare"),
            ["rawRatingTvd"] = Number("rawRatingTvd"),
            ["collapsedPairs"] = flat["collapsedPairs"]?.GetValue<long>(),
        };
        if (flat["dcrMedian"] is { } median)
        {
            report["dcr"] = new JsonObject
            {
                ["space"] = "embedding", ["p5"] = double.NaN, ["median"] = median.GetValue<double>(), ["nearCopies"] = 0,
                ["nearCopyThreshold"] = double.NaN, ["syntheticUsers"] = 0,
            };
        }
        if (flat["referenceRmse"] is JsonObject rmse)
        {
            report["difficulty"] = new JsonObject
            {
                [nameof(DifficultyReport.SourceReferenceRmse).ToCamel()] = rmse["source"]?.GetValue<double>(),
                [nameof(DifficultyReport.SyntheticReferenceRmse).ToCamel()] = rmse["synthetic"]?.GetValue<double>(),
                ["noiseStd"] = 0, ["referenceFits"] = 0, ["targetEstimated"] = false,
            };
        }
        return report;
    }

    private static string ToCamel(this string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
