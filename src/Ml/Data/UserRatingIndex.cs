namespace GanRsSandbox.Ml.Data;

/// <summary>
/// A dataset's ratings grouped by user (compressed rows), and its user ids looked up by name: what a live query
/// needs, found in O(the user's ratings) instead of a scan over every rating.
/// </summary>
public sealed class UserRatingIndex
{
    private readonly int[] _start;
    private readonly int[] _rows;
    private readonly Dictionary<string, int> _users;

    public UserRatingIndex(RatingsDataset data)
    {
        Data = data;
        _start = new int[data.UserCount + 1];
        foreach (var user in data.Users)
        {
            _start[user + 1]++;
        }
        for (var u = 0; u < data.UserCount; u++)
        {
            _start[u + 1] += _start[u];
        }
        _rows = new int[data.Count];
        var next = _start[..^1];
        for (var r = 0; r < data.Count; r++)
        {
            _rows[next[data.Users[r]]++] = r;
        }
        _users = new Dictionary<string, int>(data.UserCount, StringComparer.Ordinal);
        for (var u = 0; u < data.UserCount; u++)
        {
            _users[data.UserIds[u]] = u;
        }
    }

    public RatingsDataset Data { get; }

    /// <summary>The dense index of a user id from the source file; null when the dataset has no such user.</summary>
    public int? UserIndex(string userId) => _users.TryGetValue(userId, out var index) ? index : null;

    /// <summary>The rows (into the dataset's arrays) of one user's ratings, in file order.</summary>
    public ReadOnlySpan<int> Rows(int user) => _rows.AsSpan(_start[user], _start[user + 1] - _start[user]);
}
