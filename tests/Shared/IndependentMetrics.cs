namespace GanRsSandbox.Tests.Shared;

/// <summary>
/// Precision, recall and F1 at N recomputed from a predictions file with a deliberately plain implementation that
/// shares no code with the engine's, as a user checking the numbers with their own tools would.
/// </summary>
public static class IndependentMetrics
{
    /// <summary>Per user: the N best-scored test items (ties in file order); precision over all users, recall and F1 over those with a relevant item.</summary>
    public static (double Precision, double Recall, double F1) Recompute(List<(string User, double Rating, double Score)> rows, double threshold, int n)
    {
        double precisionSum = 0, recallSum = 0, f1Sum = 0;
        int users = 0, usersWithRelevant = 0;
        foreach (var group in rows.GroupBy(r => r.User))
        {
            var items = group.ToList();
            var top = items.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Score).ThenBy(x => x.i).Take(n).Select(x => x.r).ToList();
            var hits = top.Count(r => r.Rating >= threshold);
            var relevant = items.Count(r => r.Rating >= threshold);
            var precision = (double)hits / top.Count;
            users++;
            precisionSum += precision;
            if (relevant > 0)
            {
                usersWithRelevant++;
                var recall = (double)hits / relevant;
                recallSum += recall;
                f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
        }
        return (precisionSum / users, usersWithRelevant == 0 ? 0 : recallSum / usersWithRelevant, usersWithRelevant == 0 ? 0 : f1Sum / usersWithRelevant);
    }
}
