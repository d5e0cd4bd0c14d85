using System.Diagnostics;

namespace GanRsSandbox.Ml.Experiments;

/// <summary>
/// A grid's progress by estimated work, in seconds at this machine's measured pace (bench/README.md), so that the ETA
/// does not treat a 3M-sample dataset like a 150K one. A synthetic dataset's cells are first estimated at 40% of its
/// samples surviving de-duplication (ml-100k measured 30-60%), then at its real size once it exists. Reused pieces
/// count as done but add no time. Thread-safe: pieces finish side by side.
/// </summary>
internal sealed class GridProgress
{
    private readonly ExperimentPlan _plan;
    private readonly GridDataset _source;
    private readonly IReadOnlyList<GridPiece> _pieces;
    private readonly IProgress<ExperimentProgress>? _progress;
    private readonly Dictionary<string, double> _ratings = [];
    private readonly HashSet<string> _done = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private double _doneWork;
    private double _reusedWork;

    public GridProgress(ExperimentPlan plan, GridDataset source, IReadOnlyList<GridPiece> pieces, IProgress<ExperimentProgress>? progress)
    {
        (_plan, _source, _pieces, _progress) = (plan, source, pieces, progress);
        _ratings[GridPiece.SourceKey] = source.Ratings;
        foreach (var spec in plan.Synthetic)
        {
            _ratings[spec.Key] = spec.Samples * 0.4;
        }
    }

    public void Starting(GridPiece piece, GridWorker worker)
    {
        lock (_lock)
        {
            var what = piece.Kind switch
            {
                GridPieceKind.Generator => "training the GANRS generator",
                GridPieceKind.Dataset => $"sampling {piece}",
                _ => $"training {piece}",
            };
            Report($"{what} on {worker.Name}");
        }
    }

    public void Done(GridPiece piece, GridPieceResult result)
    {
        lock (_lock)
        {
            var work = Work(piece);
            _doneWork += work;
            if (result.Reused)
            {
                _reusedWork += work;
            }
            if (piece.Kind == GridPieceKind.Dataset && result.Ratings is { } ratings)
            {
                // The cells not yet done on this dataset are re-estimated; those done keep the work they counted.
                _ratings[piece.Dataset!] = ratings;
            }
            _done.Add(piece.Id);
            Report(result.Summary);
        }
    }

    private double Work(GridPiece piece) => piece.Kind switch
    {
        GridPieceKind.Generator => _plan.Generator.Iterations / 500.0 + _plan.Generator.PretrainEpochs * _source.Ratings / 200_000.0,
        GridPieceKind.Dataset => 5 + _plan.Synthetic.Single(s => s.Key == piece.Dataset).Samples / 25_000.0,
        _ => 1 + _ratings[piece.Dataset!] * (1 - _plan.TestRatio) * _plan.Baselines.Epochs / 100_000.0,
    };

    private void Report(string message)
    {
        var total = _doneWork + _pieces.Where(p => !_done.Contains(p.Id)).Sum(Work);
        var fraction = Math.Clamp(_doneWork / total, 0, 1);
        var computed = _doneWork - _reusedWork;
        TimeSpan? eta = computed > 0 ? _clock.Elapsed * ((total - _doneWork) / computed) : null;
        _progress?.Report(new ExperimentProgress(Math.Min(_done.Count + 1, _pieces.Count), _pieces.Count, fraction, message, _clock.Elapsed, eta));
    }
}
