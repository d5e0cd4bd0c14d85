namespace GanRsSandbox.Ml.Data;

public enum DuplicatePolicy
{
    /// <summary>A second rating of the same (user,item) pair rejects the file: CF models assume one.</summary>
    Reject,

    /// <summary>Keep the rating that comes first in the file.</summary>
    KeepFirst,

    /// <summary>Keep the rating that comes last in the file (a later rating replaces an earlier one).</summary>
    KeepLast,
}
