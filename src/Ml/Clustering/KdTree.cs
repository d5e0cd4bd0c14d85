namespace GanRsSandbox.Ml.Clustering;

/// <summary>
/// A k-d tree over a small set of low-dimensional points (cluster centres), answering "nearest two" queries.
/// In 5 dimensions a query visits a few dozen centres instead of all of them, which is what makes k-means
/// into thousands of clusters affordable.
/// </summary>
public sealed class KdTree
{
    private const int LeafSize = 8;

    private readonly float[] _points;
    private readonly int _dimensions;
    private readonly int[] _order;
    private readonly List<Node> _nodes = [];

    private readonly record struct Node(int SplitDimension, float SplitValue, int Left, int Right, int Start, int Count)
    {
        public bool IsLeaf => Left < 0;
    }

    public KdTree(float[] points, int dimensions)
    {
        _points = points;
        _dimensions = dimensions;
        var count = points.Length / dimensions;
        _order = new int[count];
        for (var i = 0; i < count; i++)
        {
            _order[i] = i;
        }
        Build(0, count);
    }

    private int Build(int start, int count)
    {
        var index = _nodes.Count;
        if (count <= LeafSize)
        {
            _nodes.Add(new Node(-1, 0, -1, -1, start, count));
            return index;
        }
        var dimension = WidestDimension(start, count);
        var slice = _order.AsSpan(start, count);
        var keys = new float[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = _points[slice[i] * _dimensions + dimension];
        }
        keys.AsSpan().Sort(slice);
        var half = count / 2;
        _nodes.Add(default);
        var left = Build(start, half);
        var right = Build(start + half, count - half);
        _nodes[index] = new Node(dimension, keys[half], left, right, start, count);
        return index;
    }

    private int WidestDimension(int start, int count)
    {
        var best = 0;
        var bestSpread = float.NegativeInfinity;
        for (var d = 0; d < _dimensions; d++)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (var i = start; i < start + count; i++)
            {
                var v = _points[_order[i] * _dimensions + d];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            if (max - min > bestSpread)
            {
                bestSpread = max - min;
                best = d;
            }
        }
        return best;
    }

    /// <summary>The nearest point and the squared distances to the nearest and second-nearest points.</summary>
    public (int Nearest, float Distance1Sq, float Distance2Sq) NearestTwo(ReadOnlySpan<float> query)
    {
        var best = -1;
        var d1 = float.PositiveInfinity;
        var d2 = float.PositiveInfinity;
        Search(0, query, ref best, ref d1, ref d2);
        return (best, d1, d2);
    }

    private void Search(int nodeIndex, ReadOnlySpan<float> query, ref int best, ref float d1, ref float d2)
    {
        var node = _nodes[nodeIndex];
        if (node.IsLeaf)
        {
            for (var i = node.Start; i < node.Start + node.Count; i++)
            {
                var p = _order[i];
                var distance = SquaredDistance(query, _points.AsSpan(p * _dimensions, _dimensions));
                if (distance < d1)
                {
                    d2 = d1;
                    d1 = distance;
                    best = p;
                }
                else if (distance < d2)
                {
                    d2 = distance;
                }
            }
            return;
        }
        var diff = query[node.SplitDimension] - node.SplitValue;
        var (near, far) = diff < 0 ? (node.Left, node.Right) : (node.Right, node.Left);
        Search(near, query, ref best, ref d1, ref d2);
        if (diff * diff < d2)
        {
            Search(far, query, ref best, ref d1, ref d2);
        }
    }

    /// <summary>
    /// The point minimising |query − p|² − weight[p] (a power diagram): how the popularity-preserving variant
    /// grows or shrinks clusters without moving their centres. <paramref name="subtreeMaxWeight"/> comes from
    /// <see cref="SubtreeMaxWeights"/> for the same weights.
    /// </summary>
    public int NearestWeighted(ReadOnlySpan<float> query, float[] weights, float[] subtreeMaxWeight)
    {
        var best = -1;
        var bestScore = float.PositiveInfinity;
        SearchWeighted(0, query, weights, subtreeMaxWeight, ref best, ref bestScore);
        return best;
    }

    public float[] SubtreeMaxWeights(float[] weights)
    {
        var max = new float[_nodes.Count];
        // Children are always created after their parent, so a reverse sweep sees them first.
        for (var n = _nodes.Count - 1; n >= 0; n--)
        {
            var node = _nodes[n];
            if (node.IsLeaf)
            {
                var m = float.NegativeInfinity;
                for (var i = node.Start; i < node.Start + node.Count; i++)
                {
                    m = Math.Max(m, weights[_order[i]]);
                }
                max[n] = m;
            }
            else
            {
                max[n] = Math.Max(max[node.Left], max[node.Right]);
            }
        }
        return max;
    }

    private void SearchWeighted(int nodeIndex, ReadOnlySpan<float> query, float[] weights, float[] subtreeMax, ref int best, ref float bestScore)
    {
        var node = _nodes[nodeIndex];
        if (node.IsLeaf)
        {
            for (var i = node.Start; i < node.Start + node.Count; i++)
            {
                var p = _order[i];
                var score = SquaredDistance(query, _points.AsSpan(p * _dimensions, _dimensions)) - weights[p];
                if (score < bestScore)
                {
                    bestScore = score;
                    best = p;
                }
            }
            return;
        }
        var diff = query[node.SplitDimension] - node.SplitValue;
        var (near, far) = diff < 0 ? (node.Left, node.Right) : (node.Right, node.Left);
        if (-subtreeMax[near] < bestScore)
        {
            SearchWeighted(near, query, weights, subtreeMax, ref best, ref bestScore);
        }
        if (diff * diff - subtreeMax[far] < bestScore)
        {
            SearchWeighted(far, query, weights, subtreeMax, ref best, ref bestScore);
        }
    }

    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
