using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Data;

/// <summary>The files a dataset can be exported as, for the tools users take it to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportFormat>))]
public enum ExportFormat
{
    [JsonStringEnumMemberName("csv"), Description("user,item,rating with a header, the original ids")] Csv,

    [JsonStringEnumMemberName("recbole"), Description("RecBole atomic .inter file: user_id:token item_id:token rating:float, tab-separated")] RecBole,

    [JsonStringEnumMemberName("parquet"), Description("Apache Parquet: columns user and item (string) and rating (float)")] Parquet,
}
