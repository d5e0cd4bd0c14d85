namespace GanRsSandbox.Ml.Clustering;

/// <summary>
/// Each centre's nearest other centres and the radius beyond which all the rest lie. A point that must be
/// re-assigned almost always stays with its centre or one of these neighbours; checking them is a few
/// distances instead of a tree search, and the radius proves when that answer is exact.
/// </summary>
internal sealed class Neighbourhood(int k)
{
    private const int Size = 128;

    private readonly int _size = Math.Min(Size, k - 1);
    private int[] _neighbours = [];

    /// <summary>The distances from each centre to its neighbours, nearest first.</summary>
    private float[] _neighbourDistances = [];

    /// <summary>Half the distance from each centre to its nearest other centre (Hamerly's s(c)).</summary>
    public float[] HalfGap { get; } = new float[k];

    /// <summary>Every centre outside a centre's neighbourhood is at least this far from it.</summary>
    public float[] Radius { get; } = new float[k];

    public void Build(KdTree tree, float[] centers, int dimensions, ParallelOptions parallel)
    {
        var wanted = _size + 2;
        _neighbours = new int[k * _size];
        _neighbourDistances = new float[k * _size];
        if (_size <= 0)
        {
            Array.Fill(HalfGap, float.PositiveInfinity);
            Array.Fill(Radius, float.PositiveInfinity);
            return;
        }
        Parallel.For(0, k, parallel, c =>
        {
            var indices = new int[wanted];
            var distances = new float[wanted];
            tree.NearestK(centers.AsSpan(c * dimensions, dimensions), indices, distances);
            // indices[0] is normally c itself; skip it wherever a duplicate centre put it.
            var written = 0;
            var last = float.PositiveInfinity;
            for (var j = 0; j < wanted; j++)
            {
                if (indices[j] == c || indices[j] < 0)
                {
                    continue;
                }
                if (written < _size)
                {
                    _neighbourDistances[c * _size + written] = MathF.Sqrt(distances[j]);
                    _neighbours[c * _size + written++] = indices[j];
                    if (written == 1)
                    {
                        HalfGap[c] = 0.5f * MathF.Sqrt(distances[j]);
                    }
                }
                else
                {
                    last = distances[j];
                    break;
                }
            }
            Radius[c] = MathF.Sqrt(last);
        });
    }

    public float MaxShift(int center, float[] delta)
    {
        float shift = 0;
        for (var j = 0; j < _size; j++)
        {
            shift = Math.Max(shift, delta[_neighbours[center * _size + j]]);
        }
        return shift;
    }

    /// <summary>The nearest two centres of a point assigned to <paramref name="center"/> at distance <paramref name="distance"/>.</summary>
    public (int Nearest, float Distance1Sq, float Distance2Sq) NearestTwo(ReadOnlySpan<float> point, int center, float distance,
        float[] centers, int dimensions, KdTree tree)
    {
        var best = center;
        var d1 = distance * distance;
        var d2 = float.PositiveInfinity;
        for (var j = 0; j < _size; j++)
        {
            // Neighbours come nearest first; once one is farther from the centre than distance + √d2, it and all
            // after it are farther from the point than the runner-up found so far.
            var reach = _neighbourDistances[center * _size + j] - distance;
            if (reach > 0 && reach * reach >= d2)
            {
                break;
            }
            var candidate = _neighbours[center * _size + j];
            var d = KdTree.SquaredDistance(point, centers.AsSpan(candidate * dimensions, dimensions));
            if (d < d1)
            {
                d2 = d1;
                d1 = d;
                best = candidate;
            }
            else if (d < d2)
            {
                d2 = d;
            }
        }
        // Any centre outside the neighbourhood is at least radius − distance away from the point.
        var outside = Radius[center] - distance;
        return outside > 0 && outside * outside >= d2 ? (best, d1, d2) : tree.NearestTwo(point);
    }
}
