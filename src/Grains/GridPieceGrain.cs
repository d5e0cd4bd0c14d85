using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.GridPieceState")]
public sealed class GridPieceState : JobOwnerState
{
    [Id(0)] public GridPieceRequest? Request { get; set; }
    [Id(1)] public ResourceStatus Status { get; set; }
    [Id(2)] public string? JobId { get; set; }
    [Id(3)] public string? Error { get; set; }
    [Id(4)] public GridPieceResult? Result { get; set; }
}

/// <summary>
/// One piece of a grid as a job of its own: the engine runs it into the experiment's work folder on the silo this
/// grain was placed on, with the cores the piece keeps busy. The folder holds the result; the state only says where
/// the job is. A silo that dies mid-piece leaves the job in state, and the next activation (woken by the supervisor or
/// by the experiment asking again) runs the piece again from its start, which gives the same file.
/// </summary>
[ComputePreferredPlacement]
public sealed class GridPieceGrain(
    [PersistentState("grid-piece")] IPersistentState<GridPieceState> state,
    JobServices services)
    : JobOwnerGrain<GridPieceState>(state, services, JobKind.RunGridPiece), IGridPieceGrain
{
    /// <summary>The longest one wait lasts, well inside Orleans' response timeout.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    private TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<GridPieceStatus> StartAsync(GridPieceRequest request)
    {
        if (State.State.Request is { } known && known.Piece.Id != request.Piece.Id)
        {
            throw SandboxException.Conflict($"grid piece '{this.GetPrimaryKeyString()}' is {known.Piece.Id}, not {request.Piece.Id}");
        }
        if (State.State.ActiveJob is null && State.State.Status is not ResourceStatus.Ready)
        {
            State.State.Request = request;
            State.State.Result = null;
            State.State.Error = null;
            _ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await StartJobAsync(jobId =>
            {
                State.State.Status = ResourceStatus.Pending;
                State.State.JobId = jobId;
            });
        }
        return Status();
    }

    public async Task<GridPieceStatus> WaitAsync(TimeSpan atMost)
    {
        if (State.State.ActiveJob is not null && !_ended.Task.IsCompleted)
        {
            await Task.WhenAny(_ended.Task, Task.Delay(atMost < TimeSpan.Zero ? TimeSpan.Zero : atMost > MaxWait ? MaxWait : atMost));
        }
        return Status();
    }

    protected override async Task ExecuteJobAsync(JobRun run)
    {
        var request = State.State.Request!;
        var plan = ExperimentGrain.Plan(request.Experiment);
        var folder = Services.Artifacts.WorkFolder(request.ExperimentId);
        var piece = request.Piece;
        // Only the generator and the source's cells read the source; the rest read what earlier pieces left in the folder.
        var sourcePath = piece.Kind == GridPieceKind.Generator || piece.Dataset == GridPiece.SourceKey
            ? (await ReadyDatasetAsync(request.Experiment.SourceDatasetId, "sourceDatasetId")).Path
            : null;
        var result = await RunOnWorkerAsync(run, ExperimentRunner.Demand(plan, piece), (cores, token) =>
            ExperimentRunner.RunPiece(key => key == GridPiece.SourceKey ? DatasetFile.Load(sourcePath!) : ExperimentRunner.LoadSynthetic(folder, key),
                folder, plan, piece, cores, token));
        State.State.Status = ResourceStatus.Ready;
        State.State.Result = result;
        _ended.TrySetResult();
    }

    protected override void RecordJobEnd(JobState end, string reason)
    {
        (State.State.Status, State.State.Error) = Ended(end, reason);
        _ended.TrySetResult();
    }

    private GridPieceStatus Status() => new()
    {
        Status = State.State.Status,
        JobId = State.State.JobId,
        Error = State.State.Error,
        Result = State.State.Result,
    };
}
