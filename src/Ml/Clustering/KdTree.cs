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

    /// <summary>The nearest point and the squared distances to the nearest and second-nearest points.</summary>
    public (int Nearest, float Distance1Sq, float Distance2Sq) NearestTwo(ReadOnlySpan<float> query)
    {
        var best = -1;
        var d1 = float.PositiveInfinity;
        var d2 = float.PositiveInfinity;
        Span<int> stack = stackalloc int[MaxDepth];
        Span<float> stackBound = stackalloc float[MaxDepth];
        var top = 0;
        stack[top] = 0;
        stackBound[top++] = 0;
        while (top > 0)
        {
            top--;
            if (stackBound[top] >= d2)
            {
                continue;
            }
            var node = stack[top];
            // Descend to the leaf on the query's side, leaving the far children on the stack with their bound.
            while (_nodeLeft[node] >= 0)
            {
                var diff = query[_nodeDimension[node]] - _nodeSplit[node];
                int near, far;
                if (diff < 0)
                {
                    (near, far) = (_nodeLeft[node], _nodeRight[node]);
                }
                else
                {
                    (near, far) = (_nodeRight[node], _nodeLeft[node]);
                }
                var bound = diff * diff;
                if (bound < d2)
                {
                    stack[top] = far;
                    stackBound[top++] = bound;
                }
                node = near;
            }
            var end = _nodeStart[node] + _nodeCount[node];
            for (var i = _nodeStart[node]; i < end; i++)
            {
                var distance = SquaredDistance(query, _sorted.AsSpan(i * _dimensions, _dimensions));
                if (distance < d1)
                {
                    d2 = d1;
                    d1 = distance;
                    best = i;
                }
                else if (distance < d2)
                {
                    d2 = distance;
                }
            }
        }
        return (_original[best], d1, d2);
    }

    /// <summary>The nearest point and its squared distance.</summary>
    public (int Nearest, float DistanceSq) Nearest(ReadOnlySpan<float> query)
    {
        var best = -1;
        var d1 = float.PositiveInfinity;
        Span<int> stack = stackalloc int[MaxDepth];
        Span<float> stackBound = stackalloc float[MaxDepth];
        var top = 0;
        stack[top] = 0;
        stackBound[top++] = 0;
        while (top > 0)
        {
            top--;
            if (stackBound[top] >= d1)
            {
                continue;
            }
            var node = stack[top];
            while (_nodeLeft[node] >= 0)
            {
                var diff = query[_nodeDimension[node]] - _nodeSplit[node];
                var (near, far) = diff < 0 ? (_nodeLeft[node], _nodeRight[node]) : (_nodeRight[node], _nodeLeft[node]);
                if (diff * diff < d1)
                {
                    stack[top] = far;
                    stackBound[top++] = diff * diff;
                }
                node = near;
            }
            var end = _nodeStart[node] + _nodeCount[node];
            for (var i = _nodeStart[node]; i < end; i++)
            {
                var distance = SquaredDistance(query, _sorted.AsSpan(i * _dimensions, _dimensions));
                if (distance < d1)
                {
                    d1 = distance;
                    best = i;
                }
            }
        }
        return (_original[best], d1);
    }

    /// <summary>Writes the indices and squared distances of the <paramref name="indices"/>.Length nearest points, nearest first.</summary>
    public void NearestK(ReadOnlySpan<float> query, Span<int> indices, Span<float> distances)
    {
        // A max-heap on distance holds the best found so far; its root is the one to beat.
        var wanted = indices.Length;
        var found = 0;
        Span<int> stack = stackalloc int[MaxDepth];
        Span<float> stackBound = stackalloc float[MaxDepth];
        var top = 0;
        stack[top] = 0;
        stackBound[top++] = 0;
        while (top > 0)
        {
            top--;
            var worst = found == wanted ? distances[0] : float.PositiveInfinity;
            if (stackBound[top] >= worst)
            {
                continue;
            }
            var node = stack[top];
            while (_nodeLeft[node] >= 0)
            {
                var diff = query[_nodeDimension[node]] - _nodeSplit[node];
                var (near, far) = diff < 0 ? (_nodeLeft[node], _nodeRight[node]) : (_nodeRight[node], _nodeLeft[node]);
                if (diff * diff < (found == wanted ? distances[0] : float.PositiveInfinity))
                {
                    stack[top] = far;
                    stackBound[top++] = diff * diff;
                }
                node = near;
            }
            var end = _nodeStart[node] + _nodeCount[node];
            for (var i = _nodeStart[node]; i < end; i++)
            {
                var distance = SquaredDistance(query, _sorted.AsSpan(i * _dimensions, _dimensions));
                if (found < wanted)
                {
                    var child = found++;
                    while (child > 0 && distances[(child - 1) / 2] < distance)
                    {
                        var parent = (child - 1) / 2;
                        distances[child] = distances[parent];
                        indices[child] = indices[parent];
                        child = parent;
                    }
                    distances[child] = distance;
                    indices[child] = _original[i];
                }
                else if (distance < distances[0])
                {
                    var position = 0;
                    while (true)
                    {
                        var left = 2 * position + 1;
                        if (left >= wanted)
                        {
                            break;
                        }
                        var larger = left + 1 < wanted && distances[left + 1] > distances[left] ? left + 1 : left;
                        if (distances[larger] <= distance)
                        {
                            break;
                        }
                        distances[position] = distances[larger];
                        indices[position] = indices[larger];
                        position = larger;
                    }
                    distances[position] = distance;
                    indices[position] = _original[i];
                }
            }
        }
        for (var i = found; i < wanted; i++)
        {
            indices[i] = -1;
            distances[i] = float.PositiveInfinity;
        }
        distances.Sort(indices);
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
        Span<int> stack = stackalloc int[MaxDepth];
        Span<float> stackBound = stackalloc float[MaxDepth];
        var top = 0;
        stack[top] = 0;
        stackBound[top++] = float.NegativeInfinity;
        while (top > 0)
        {
            top--;
            var node = stack[top];
            if (stackBound[top] - subtreeMaxWeight[node] >= bestScore)
            {
                continue;
            }
            while (_nodeLeft[node] >= 0)
            {
                var diff = query[_nodeDimension[node]] - _nodeSplit[node];
                int near, far;
                if (diff < 0)
                {
                    (near, far) = (_nodeLeft[node], _nodeRight[node]);
                }
                else
                {
                    (near, far) = (_nodeRight[node], _nodeLeft[node]);
                }
                var bound = diff * diff;
                if (bound - subtreeMaxWeight[far] < bestScore)
                {
                    stack[top] = far;
                    stackBound[top++] = bound;
                }
                node = near;
            }
            var end = _nodeStart[node] + _nodeCount[node];
            for (var i = _nodeStart[node]; i < end; i++)
            {
                var score = SquaredDistance(query, _sorted.AsSpan(i * _dimensions, _dimensions)) - weights[_original[i]];
                if (score < bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }
        }
        return _original[best];
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
