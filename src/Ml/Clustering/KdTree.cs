using System.Runtime.CompilerServices;

namespace GanRsSandbox.Ml.Clustering;

/// <summary>
/// A k-d tree over a small set of low-dimensional points (cluster centres), answering "nearest two" and
/// power-diagram queries. In 5 dimensions a query visits a few dozen centres instead of thousands, which is
/// what makes k-means into thousands of clusters affordable. Points are stored in tree order so that a leaf
/// is one contiguous run of memory, and nodes are parallel arrays so that a search touches no objects.
/// </summary>
public sealed class KdTree
{
    private const int LeafSize = 8;
    private const int MaxDepth = 64;

    private readonly int _dimensions;
    private readonly float[] _sorted;   // the points in tree order
    private readonly int[] _original;   // tree position -> caller's index
    private readonly List<int> _splitDimension = [];
    private readonly List<float> _splitValue = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<int> _start = [];
    private readonly List<int> _count = [];
    private int[] _nodeDimension = [];
    private float[] _nodeSplit = [];
    private int[] _nodeLeft = [];
    private int[] _nodeRight = [];
    private int[] _nodeStart = [];
    private int[] _nodeCount = [];

    public KdTree(float[] points, int dimensions)
    {
        _dimensions = dimensions;
        var count = points.Length / dimensions;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        Build(points, order, 0, count, 0);
        _original = order;
        _sorted = new float[points.Length];
        for (var i = 0; i < count; i++)
        {
            Array.Copy(points, order[i] * dimensions, _sorted, i * dimensions, dimensions);
        }
        _nodeDimension = [.. _splitDimension];
        _nodeSplit = [.. _splitValue];
        _nodeLeft = [.. _left];
        _nodeRight = [.. _right];
        _nodeStart = [.. _start];
        _nodeCount = [.. _count];
    }

    private int Build(float[] points, int[] order, int start, int count, int depth)
    {
        var index = _left.Count;
        _splitDimension.Add(-1);
        _splitValue.Add(0);
        _left.Add(-1);
        _right.Add(-1);
        _start.Add(start);
        _count.Add(count);
        if (count <= LeafSize || depth >= MaxDepth - 2)
        {
            return index;
        }
        var dimension = WidestDimension(points, order, start, count);
        var slice = order.AsSpan(start, count);
        var keys = new float[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = points[slice[i] * _dimensions + dimension];
        }
        keys.AsSpan().Sort(slice);
        var half = count / 2;
        _splitDimension[index] = dimension;
        _splitValue[index] = keys[half];
        var left = Build(points, order, start, half, depth + 1);
        var right = Build(points, order, start + half, count - half, depth + 1);
        _left[index] = left;
        _right[index] = right;
        return index;
    }

    private int WidestDimension(float[] points, int[] order, int start, int count)
    {
        var best = 0;
        var bestSpread = float.NegativeInfinity;
        for (var d = 0; d < _dimensions; d++)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (var i = start; i < start + count; i++)
            {
                var v = points[order[i] * _dimensions + d];
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

    /// <summary>
    /// What a query keeps while the tree is walked: the score a subtree must beat to be entered, a lower bound on
    /// a subtree's scores from its distance along the split axis, and what it does with each point reached.
    /// Implemented by structs so that the walk is compiled once per kind of query, without indirection.
    /// </summary>
    private interface IQuery
    {
        float Bound { get; }

        float SubtreeBound(float axisDistanceSq, int node);

        void Visit(int position, float distanceSq);
    }

    private void Walk<TQuery>(ReadOnlySpan<float> query, ref TQuery search) where TQuery : struct, IQuery
    {
        Span<int> stack = stackalloc int[MaxDepth];
        Span<float> stackBound = stackalloc float[MaxDepth];
        var top = 0;
        stack[top] = 0;
        stackBound[top++] = float.NegativeInfinity;
        while (top > 0)
        {
            top--;
            if (stackBound[top] >= search.Bound)
            {
                continue;
            }
            // Descend to the leaf on the query's side, leaving the far children on the stack with their bound.
            var node = stack[top];
            while (_nodeLeft[node] >= 0)
            {
                var diff = query[_nodeDimension[node]] - _nodeSplit[node];
                var (near, far) = diff < 0 ? (_nodeLeft[node], _nodeRight[node]) : (_nodeRight[node], _nodeLeft[node]);
                var bound = search.SubtreeBound(diff * diff, far);
                if (bound < search.Bound)
                {
                    stack[top] = far;
                    stackBound[top++] = bound;
                }
                node = near;
            }
            var end = _nodeStart[node] + _nodeCount[node];
            for (var i = _nodeStart[node]; i < end; i++)
            {
                search.Visit(i, SquaredDistance(query, _sorted.AsSpan(i * _dimensions, _dimensions)));
            }
        }
    }

    /// <summary>The nearest point and its squared distance.</summary>
    public (int Nearest, float DistanceSq) Nearest(ReadOnlySpan<float> query)
    {
        var search = new NearestTwoQuery(onlyOne: true);
        Walk(query, ref search);
        return (_original[search.Best], search.Distance1);
    }

    /// <summary>The nearest point and the squared distances to the nearest and second-nearest points.</summary>
    public (int Nearest, float Distance1Sq, float Distance2Sq) NearestTwo(ReadOnlySpan<float> query)
    {
        var search = new NearestTwoQuery(onlyOne: false);
        Walk(query, ref search);
        return (_original[search.Best], search.Distance1, search.Distance2);
    }

    private struct NearestTwoQuery(bool onlyOne) : IQuery
    {
        public int Best = -1;
        public float Distance1 = float.PositiveInfinity;
        public float Distance2 = float.PositiveInfinity;

        public readonly float Bound => onlyOne ? Distance1 : Distance2;

        public readonly float SubtreeBound(float axisDistanceSq, int node) => axisDistanceSq;

        public void Visit(int position, float distanceSq)
        {
            if (distanceSq < Distance1)
            {
                Distance2 = Distance1;
                Distance1 = distanceSq;
                Best = position;
            }
            else if (distanceSq < Distance2)
            {
                Distance2 = distanceSq;
            }
        }
    }

    /// <summary>Writes the indices and squared distances of the <paramref name="indices"/>.Length nearest points, nearest first.</summary>
    public void NearestK(ReadOnlySpan<float> query, int[] indices, float[] distances)
    {
        var search = new NearestKQuery(indices, distances, _original);
        Walk(query, ref search);
        for (var i = search.Found; i < indices.Length; i++)
        {
            indices[i] = -1;
            distances[i] = float.PositiveInfinity;
        }
        distances.AsSpan().Sort(indices.AsSpan());
    }

    /// <summary>A max-heap on distance of the best found so far; its root is the one to beat.</summary>
    private struct NearestKQuery(int[] indices, float[] distances, int[] original) : IQuery
    {
        public int Found = 0;

        public readonly float Bound => Found == indices.Length ? distances[0] : float.PositiveInfinity;

        public readonly float SubtreeBound(float axisDistanceSq, int node) => axisDistanceSq;

        public void Visit(int position, float distanceSq)
        {
            var wanted = indices.Length;
            if (Found < wanted)
            {
                var child = Found++;
                while (child > 0 && distances[(child - 1) / 2] < distanceSq)
                {
                    var parent = (child - 1) / 2;
                    distances[child] = distances[parent];
                    indices[child] = indices[parent];
                    child = parent;
                }
                distances[child] = distanceSq;
                indices[child] = original[position];
                return;
            }
            if (distanceSq >= distances[0])
            {
                return;
            }
            var at = 0;
            while (true)
            {
                var left = 2 * at + 1;
                if (left >= wanted)
                {
                    break;
                }
                var larger = left + 1 < wanted && distances[left + 1] > distances[left] ? left + 1 : left;
                if (distances[larger] <= distanceSq)
                {
                    break;
                }
                distances[at] = distances[larger];
                indices[at] = indices[larger];
                at = larger;
            }
            distances[at] = distanceSq;
            indices[at] = original[position];
        }
    }

    /// <summary>
    /// The point minimising |query − p|² − weight[p] (a power diagram): how the popularity-preserving variant
    /// grows or shrinks clusters without moving their centres. <paramref name="subtreeMaxWeight"/> comes from
    /// <see cref="SubtreeMaxWeights"/> for the same weights.
    /// </summary>
    public int NearestWeighted(ReadOnlySpan<float> query, float[] weights, float[] subtreeMaxWeight)
    {
        var search = new WeightedQuery(weights, subtreeMaxWeight, _original);
        Walk(query, ref search);
        return _original[search.Best];
    }

    private struct WeightedQuery(float[] weights, float[] subtreeMaxWeight, int[] original) : IQuery
    {
        public int Best = -1;
        private float _bestScore = float.PositiveInfinity;

        public readonly float Bound => _bestScore;

        public readonly float SubtreeBound(float axisDistanceSq, int node) => axisDistanceSq - subtreeMaxWeight[node];

        public void Visit(int position, float distanceSq)
        {
            var score = distanceSq - weights[original[position]];
            if (score < _bestScore)
            {
                _bestScore = score;
                Best = position;
            }
        }
    }

    /// <summary>For each node, the largest weight of the points below it.</summary>
    public float[] SubtreeMaxWeights(float[] weights)
    {
        var max = new float[_nodeLeft.Length];
        // Children are always created after their parent, so a reverse sweep sees them first.
        for (var n = _nodeLeft.Length - 1; n >= 0; n--)
        {
            if (_nodeLeft[n] < 0)
            {
                var m = float.NegativeInfinity;
                for (var i = _nodeStart[n]; i < _nodeStart[n] + _nodeCount[n]; i++)
                {
                    m = Math.Max(m, weights[_original[i]]);
                }
                max[n] = m;
            }
            else
            {
                max[n] = Math.Max(max[_nodeLeft[n]], max[_nodeRight[n]]);
            }
        }
        return max;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length == 5 && b.Length == 5)
        {
            float d0 = a[0] - b[0], d1 = a[1] - b[1], d2 = a[2] - b[2], d3 = a[3] - b[3], d4 = a[4] - b[4];
            return d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3 + d4 * d4;
        }
        float sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
