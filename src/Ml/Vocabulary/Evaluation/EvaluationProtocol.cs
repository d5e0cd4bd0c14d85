using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Evaluation;

[JsonConverter(typeof(JsonStringEnumConverter<EvaluationProtocol>))]
public enum EvaluationProtocol
{
    /// <summary>Rank each test user's test items; the CF4J convention the authors used.</summary>
    [JsonStringEnumMemberName("test-items"), Description("rank each test user's test items (the paper's)")] TestItems,

    /// <summary>As <see cref="TestItems"/>, but an item in the top N counts as recommended only if its prediction reaches the threshold.</summary>
    [JsonStringEnumMemberName("thresholded"), Description("test items, recommended only if the prediction reaches the threshold")] Thresholded,

    /// <summary>Rank every item the user has not rated in training, as a live recommender does.</summary>
    [JsonStringEnumMemberName("all-items"), Description("rank every unrated item, as a live recommender does")] AllItems,
}
