using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Models;

public readonly record struct RecommendedItem(int Item, float Score, float? Rating, float? Reliability);

/// <summary>
/// Live top-N for a trained baseline: scores every item a user has not rated and keeps the best N. The known items
/// come from the whole dataset (train and test), since a live recommender never suggests what the user already rated.
/// Thread-safe: queries only read the model and the index.
/// </summary>
public sealed class Recommender
{
    private readonly BaselineModel _model;
    private readonly int[] _knownStart;
    private readonly int[] _knownItems;

    public Recommender(BaselineModel model, RatingsDataset data)
    {
        if (model.Users != data.UserCount || model.Items != data.ItemCount)
        {
            throw new ArgumentException($"the model has {model.Users}×{model.Items} users×items but the dataset {data.UserCount}×{data.ItemCount}");
        }
        _model = model;
        _knownStart = new int[data.UserCount + 1];
        foreach (var user in data.Users)
        {
            _knownStart[user + 1]++;
        }
        for (var u = 0; u < data.UserCount; u++)
        {
            _knownStart[u + 1] += _knownStart[u];
        }
        _knownItems = new int[data.Count];
        var next = _knownStart[..^1];
        for (var r = 0; r < data.Count; r++)
        {
            _knownItems[next[data.Users[r]]++] = data.Items[r];
        }
    }

    public ReadOnlySpan<int> KnownItems(int user) => _knownItems.AsSpan(_knownStart[user], _knownStart[user + 1] - _knownStart[user]);

    /// <summary>The best <paramref name="count"/> unrated items, by score, ties broken by item index so that answers are stable.</summary>
    public RecommendedItem[] Recommend(int user, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, _model.Users);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var known = new bool[_model.Items];
        foreach (var item in KnownItems(user))
        {
            known[item] = true;
        }
        var candidates = new int[_model.Items - KnownItems(user).Length];
        for (int item = 0, next = 0; item < known.Length; item++)
        {
            if (!known[item])
            {
                candidates[next++] = item;
            }
        }
        var predictions = _model.PredictForUser(user, candidates);
        var order = new int[candidates.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        // Highest score first; classifiers tie on a predicted class, so their confidence breaks the tie next.
        var score = predictions.Score;
        var reliability = predictions.Reliability;
        Array.Sort(order, (a, b) =>
        {
            var byScore = score[b].CompareTo(score[a]);
            if (byScore != 0)
            {
                return byScore;
            }
            var byReliability = reliability is null ? 0 : reliability[b].CompareTo(reliability[a]);
            return byReliability != 0 ? byReliability : candidates[a].CompareTo(candidates[b]);
        });
        var result = new RecommendedItem[Math.Min(count, order.Length)];
        for (var i = 0; i < result.Length; i++)
        {
            var at = order[i];
            result[i] = new RecommendedItem(candidates[at], score[at], predictions.Rating?[at], reliability?[at]);
        }
        return result;
    }
}
