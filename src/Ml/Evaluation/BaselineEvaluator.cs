using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>Scores a trained baseline on a split's test ratings under one or more protocols.</summary>
public static class BaselineEvaluator
{
    public static ModelEvaluation TrainAndEvaluate(
        BaselineKind kind,
        RatingsDataset data,
        DatasetSplit split,
        BaselineOptions options,
        EvaluationSettings settings,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        RefuseMeaningless(data.Scale, settings);
        using var model = BaselineModel.Create(kind, data, options);
        var training = model.Train(data, split.Train, progress, cancellationToken);
        return Evaluate(model, data, split, training, settings);
    }

    public static ModelEvaluation Evaluate(BaselineModel model, RatingsDataset data, DatasetSplit split, TrainingReport training, EvaluationSettings settings)
    {
        RefuseMeaningless(data.Scale, settings);
        var test = split.Test;
        var testUsers = Array.ConvertAll(test, r => data.Users[r]);
        var testItems = Array.ConvertAll(test, r => data.Items[r]);
        var truth = Array.ConvertAll(test, r => data.Ratings[r]);
        var predictions = model.Predict(testUsers, testItems);

        double? rmse = null, mae = null;
        if (predictions.Rating is { } rating)
        {
            (var r, var m) = ErrorMetrics.Compute(rating, truth);
            (rmse, mae) = (r, m);
        }

        foreach (var segments in settings.Segments)
        {
            if (segments.GroupOfUser.Length != data.UserCount)
            {
                throw new ArgumentException($"the '{segments.Attribute}' segments have {segments.GroupOfUser.Length:N0} users, the dataset {data.UserCount:N0}", nameof(settings));
            }
        }
        var curves = new Dictionary<EvaluationProtocol, IReadOnlyList<CurvePoint>>();
        var segmentPoints = new Dictionary<(int Segmentation, int Group), (int Users, List<CurvePoint> Points)>();
        foreach (var protocol in settings.Protocols)
        {
            var metrics = new RankingMetrics(settings.Ns, settings.Thresholds);
            var bySegment = settings.Segments.Select(s => s.Values.Select(_ => new RankingMetrics(settings.Ns, settings.Thresholds)).ToArray()).ToArray();
            void Add(int user, UserCandidates candidates)
            {
                metrics.AddUser(candidates);
                for (var s = 0; s < bySegment.Length; s++)
                {
                    bySegment[s][settings.Segments[s].GroupOfUser[user]].AddUser(candidates);
                }
            }
            if (protocol == EvaluationProtocol.AllItems)
            {
                AddAllItemUsers(Add, model, data, split);
            }
            else
            {
                AddTestItemUsers(Add, model, testUsers, truth, predictions, protocol == EvaluationProtocol.Thresholded);
            }
            curves[protocol] = metrics.Curves(protocol);
            for (var s = 0; s < bySegment.Length; s++)
            {
                var segments = settings.Segments[s];
                for (var g = 0; g < segments.Values.Count; g++)
                {
                    if (!segmentPoints.TryGetValue((s, g), out var known))
                    {
                        segmentPoints[(s, g)] = known = (bySegment[s][g].Users, []);
                    }
                    known.Points.AddRange(bySegment[s][g].Curves(protocol));
                }
            }
        }
        // One curve per segment, its points under every protocol, as a model's own curves are.
        var segmentCurves = segmentPoints.Select(p => new SegmentCurve(settings.Segments[p.Key.Segmentation].Attribute,
            settings.Segments[p.Key.Segmentation].Values[p.Key.Group], p.Value.Users, p.Value.Points)).ToList();
        return new ModelEvaluation(model.Kind, training, rmse, mae, curves) { TestPredictions = predictions, Segments = segmentCurves };
    }

    /// <summary>Fails before any training where a protocol would give numbers that mean nothing on this data.</summary>
    private static void RefuseMeaningless(RatingScale scale, EvaluationSettings settings)
    {
        if (settings.Protocols.Select(p => ImplicitFeedback.Refuses(scale, p)).FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw new ArgumentException(refusal);
        }
    }

    private static void AddTestItemUsers(Action<int, UserCandidates> add, BaselineModel model, int[] testUsers, float[] truth, Predictions predictions, bool thresholded)
    {
        foreach (var rows in GroupByUser(testUsers))
        {
            var scores = Array.ConvertAll(rows, i => predictions.Score[i]);
            var ratings = Array.ConvertAll(rows, i => truth[i]);
            Func<int, float, bool>? gate = null;
            if (thresholded)
            {
                // ncf-binary has no rating to compare with q: it recommends what it thinks more likely relevant than not.
                var gateValues = Array.ConvertAll(rows, i => predictions.Rating is { } r ? r[i] : predictions.Score[i]);
                gate = model.Kind.PredictsRating()
                    ? (candidate, q) => gateValues[candidate] >= q
                    : (candidate, _) => gateValues[candidate] >= 0.5f;
            }
            add(testUsers[rows[0]], new UserCandidates(ratings, scores, gate));
        }
    }

    private static void AddAllItemUsers(Action<int, UserCandidates> add, BaselineModel model, RatingsDataset data, DatasetSplit split)
    {
        var known = new HashSet<int>[data.UserCount];
        foreach (var row in split.Train)
        {
            (known[data.Users[row]] ??= []).Add(data.Items[row]);
        }
        var testRatings = new Dictionary<int, float>[data.UserCount];
        foreach (var row in split.Test)
        {
            (testRatings[data.Users[row]] ??= []).Add(data.Items[row], data.Ratings[row]);
        }
        for (var user = 0; user < data.UserCount; user++)
        {
            if (testRatings[user] is not { } userTest)
            {
                continue;
            }
            var seen = known[user];
            var candidates = Enumerable.Range(0, data.ItemCount).Where(item => seen is null || !seen.Contains(item)).ToArray();
            var predictions = model.PredictForUser(user, candidates);
            var ratings = Array.ConvertAll(candidates, item => userTest.TryGetValue(item, out var r) ? r : float.NaN);
            add(user, new UserCandidates(ratings, predictions.Score, null));
        }
    }

    /// <summary>Groups positions by user, keeping each user's positions in their original order.</summary>
    internal static IEnumerable<int[]> GroupByUser(int[] users)
    {
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < users.Length; i++)
        {
            if (!groups.TryGetValue(users[i], out var list))
            {
                groups[users[i]] = list = [];
            }
            list.Add(i);
        }
        return groups.OrderBy(g => g.Key).Select(g => g.Value.ToArray());
    }
}
