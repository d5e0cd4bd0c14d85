using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Ml.Models;

/// <summary>
/// Live top-N for a trained baseline: scores every item a user has not rated and keeps the best N. The known items
/// come from the whole dataset (train and test), since a live recommender never suggests what the user already rated.
/// Thread-safe: queries only read the model and the index, and each scores on its own thread alone.
/// </summary>
public sealed class Recommender
{
    private readonly BaselineModel _model;

    public Recommender(BaselineModel model, RatingsDataset data) : this(model, new UserRatingIndex(data))
    {
    }

    public Recommender(BaselineModel model, UserRatingIndex index)
    {
        if (model.Users != index.Data.UserCount || model.Items != index.Data.ItemCount)
        {
            throw new ArgumentException($"the model has {model.Users}×{model.Items} users×items but the dataset {index.Data.UserCount}×{index.Data.ItemCount}");
        }
        _model = model;
        Index = index;
    }

    public UserRatingIndex Index { get; }

    public int[] KnownItems(int user)
    {
        var rows = Index.Rows(user);
        var items = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            items[i] = Index.Data.Items[rows[i]];
        }
        return items;
    }

    /// <summary>The best <paramref name="count"/> unrated items, by score, ties broken by item index so that answers are stable.</summary>
    public RecommendedItem[] Recommend(int user, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, _model.Users);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ThreadBudget.OneThreadHere();
        var known = new bool[_model.Items];
        var rows = Index.Rows(user);
        foreach (var row in rows)
        {
            known[Index.Data.Items[row]] = true;
        }
        var candidates = new int[_model.Items - rows.Length];
        for (int item = 0, next = 0; item < known.Length; item++)
        {
            if (!known[item])
            {
                candidates[next++] = item;
            }
        }
        var predictions = _model.PredictForUser(user, candidates);
        var score = predictions.Score;
        var reliability = predictions.Reliability;

        // Keep the best N in a heap whose root is the worst kept, instead of sorting every candidate: O(m log N).
        // Keys order as the ranking does: score, then (classifiers tie on a class) confidence, then the lower item.
        var best = new PriorityQueue<int, (float Score, float Reliability, int NegativeItem)>(count + 1);
        for (var i = 0; i < candidates.Length; i++)
        {
            var key = (score[i], reliability?[i] ?? 0f, -candidates[i]);
            if (best.Count < count)
            {
                best.Enqueue(i, key);
            }
            else if (best.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
            {
                best.DequeueEnqueue(i, key);
            }
        }
        var result = new RecommendedItem[best.Count];
        for (var slot = result.Length - 1; slot >= 0; slot--)
        {
            var at = best.Dequeue();
            result[slot] = new RecommendedItem(candidates[at], score[at], predictions.Rating?[at], reliability?[at]);
        }
        return result;
    }
}
