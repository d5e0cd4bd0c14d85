using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Data;

/// <summary>The MovieLens releases the sandbox can fetch for a user who asks (<c>ganrs download</c>, the datasets page).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MovieLensRelease>))]
public enum MovieLensRelease
{
    [JsonStringEnumMemberName("ml-100k"), Description("100,000 ratings (1..5) of 1,682 movies by 943 users, 1998: the paper's source (4.9 MB)")]
    Ml100K,

    [JsonStringEnumMemberName("ml-1m"), Description("1,000,209 ratings (1..5) of 3,706 movies by 6,040 users, 2003 (5.9 MB)")]
    Ml1M,

    [JsonStringEnumMemberName("ml-latest-small"), Description("100,836 half-star ratings (0.5..5) of 9,742 movies by 610 users, 2018 (1.0 MB)")]
    MlLatestSmall,

    [JsonStringEnumMemberName("ml-25m"), Description("25,000,095 half-star ratings (0.5..5) of 59,047 movies by 162,541 users, 2019 (262 MB)")]
    Ml25M,
}
