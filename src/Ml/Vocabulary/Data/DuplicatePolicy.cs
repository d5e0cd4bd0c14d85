using System.ComponentModel;
using System.Text.Json.Serialization;

namespace GanRsSandbox.Ml.Data;

/// <summary>What an import does with a second rating of the same (user, item) pair.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DuplicatePolicy>))]
public enum DuplicatePolicy
{
    /// <summary>A second rating of the same (user,item) pair rejects the file: CF models assume one.</summary>
    [JsonStringEnumMemberName("reject"), Description("refuse the file, naming both lines")] Reject,

    /// <summary>Keep the rating that comes first in the file.</summary>
    [JsonStringEnumMemberName("first"), Description("keep the rating that comes first in the file")] KeepFirst,

    /// <summary>Keep the rating that comes last in the file (a later rating replaces an earlier one).</summary>
    [JsonStringEnumMemberName("last"), Description("keep the rating that comes last (a later rating replaces an earlier one)")] KeepLast,
}
