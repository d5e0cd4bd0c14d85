using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Models;

/// <summary>The six baselines of the paper's Table II; the names are the ones the CLI, JSON and the API use.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BaselineKind>))]
public enum BaselineKind
{
    [JsonStringEnumMemberName("deepmf"), Description("deep matrix factorisation")] DeepMf,
    [JsonStringEnumMemberName("vdeepmf"), Description("variational DeepMF")] VDeepMf,
    [JsonStringEnumMemberName("ncf"), Description("neural collaborative filtering, rating regression")] Ncf,
    [JsonStringEnumMemberName("ncf-classification"), Description("NCF over rating classes")] NcfClassification,
    [JsonStringEnumMemberName("ncf-improved"), Description("NCF classification with the improved output layer")] NcfImproved,
    [JsonStringEnumMemberName("ncf-binary"), Description("NCF on relevant / not relevant")] NcfBinary,
}
