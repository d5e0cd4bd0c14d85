namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// One user's candidates for ranking: their true ratings (NaN where the user has no known rating, as for
/// unrated items under all-items), the scores to rank by, and whether each prediction passes the gate of the
/// thresholded protocol.
/// </summary>
public readonly record struct UserCandidates(float[] TrueRatings, float[] Scores, Func<int, float, bool>? PassesGate);
