using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Figures;

[JsonConverter(typeof(JsonStringEnumConverter<FigureFormat>))]
public enum FigureFormat
{
    [JsonStringEnumMemberName("png")] Png,
    [JsonStringEnumMemberName("svg")] Svg,
}
