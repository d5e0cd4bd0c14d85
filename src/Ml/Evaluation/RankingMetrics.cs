namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// Precision, recall and F1 at N, averaged over users. Precision is averaged over every user with candidates;
/// recall and F1 only over users with at least one relevant item (true rating ≥ threshold), because recall is
/// undefined without one. Ties in score keep the candidates' given order.
/// </summary>
public sealed class RankingMetrics
{
    private readonly int[] _ns;
    private readonly double[] _thresholds;
    private readonly double[,] _precision;
    private readonly double[,] _recall;
    private readonly double[,] _f1;
    private readonly int[] _relevantUsers;
    private int _users;

    public RankingMetrics(IReadOnlyList<int> ns, IReadOnlyList<double> thresholds)
    {
        if (ns.Count == 0 || ns.Any(n => n < 1))
        {
            throw new ArgumentException("every N must be at least 1", nameof(ns));
        }
        if (thresholds.Count == 0)
        {
            throw new ArgumentException("at least one threshold is needed", nameof(thresholds));
        }
        _ns = [.. ns];
        _thresholds = [.. thresholds];
        _precision = new double[_thresholds.Length, _ns.Length];
        _recall = new double[_thresholds.Length, _ns.Length];
        _f1 = new double[_thresholds.Length, _ns.Length];
        _relevantUsers = new int[_thresholds.Length];
    }

    /// <summary>The users added with at least one candidate.</summary>
    public int Users => _users;

    public void AddUser(UserCandidates candidates)
    {
        var count = candidates.Scores.Length;
        if (count == 0)
        {
            return;
        }
        _users++;
        var order = RankDescending(candidates.Scores);
        for (var t = 0; t < _thresholds.Length; t++)
        {
            // Ratings are float32: compare in float so that a threshold of 0.7 admits a stored 0.7f.
            var q = (float)_thresholds[t];
            var relevantTotal = 0;
            foreach (var r in candidates.TrueRatings)
            {
                if (r >= q)
                {
                    relevantTotal++;
                }
            }
            if (relevantTotal > 0)
            {
                _relevantUsers[t]++;
            }
            for (var k = 0; k < _ns.Length; k++)
            {
                var top = Math.Min(_ns[k], count);
                int recommended = 0, hits = 0;
                for (var i = 0; i < top; i++)
                {
                    var candidate = order[i];
                    if (candidates.PassesGate is { } gate && !gate(candidate, q))
                    {
                        continue;
                    }
                    recommended++;
                    if (candidates.TrueRatings[candidate] >= q)
                    {
                        hits++;
                    }
                }
                var precision = recommended == 0 ? 0 : (double)hits / recommended;
                _precision[t, k] += precision;
                if (relevantTotal > 0)
                {
                    var recall = (double)hits / relevantTotal;
                    _recall[t, k] += recall;
                    _f1[t, k] += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                }
            }
        }
    }

    public IReadOnlyList<CurvePoint> Curves(EvaluationProtocol protocol)
    {
        var points = new List<CurvePoint>();
        for (var t = 0; t < _thresholds.Length; t++)
        {
            for (var k = 0; k < _ns.Length; k++)
            {
                var relevant = _relevantUsers[t];
                points.Add(new CurvePoint(protocol, 
                    _thresholds[t],
                    _ns[k],
                    _users == 0 ? 0 : _precision[t, k] / _users,
                    relevant == 0 ? 0 : _recall[t, k] / relevant,
                    relevant == 0 ? 0 : _f1[t, k] / relevant));
            }
        }
        return points;
    }

    /// <summary>Indices sorted by score, highest first; equal scores keep their original order.</summary>
    internal static int[] RankDescending(float[] scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var byScore = scores[b].CompareTo(scores[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return order;
    }
}
