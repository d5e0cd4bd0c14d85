using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GanRsSandbox.BlazorUi.Components.Shared;

/// <summary>
/// What every page shares: failures shown as a snackbar with their reason (never a blank page), a busy flag that
/// disables buttons while work runs, and a refresh whenever the sandbox pushes a change the page cares about. Nothing
/// runs on a timer, except a retry while the cluster cannot be reached.
/// </summary>
public abstract class SandboxPageBase : ComponentBase, IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _disposed = new();
    private int _refreshQueued;
    private bool _retrying;

    [Inject] protected ISnackbar Snackbar { get; set; } = null!;

    [Inject] private ISandboxEvents Events { get; set; } = null!;

    /// <summary>True while a user action runs: buttons bind Disabled to it.</summary>
    protected bool Busy { get; private set; }

    /// <summary>The reason the last user action failed, for pages that also show it next to the form.</summary>
    protected string? LastError { get; private set; }

    /// <summary>Why the last refresh failed (the server is unreachable, usually); shown as an alert until one succeeds.</summary>
    protected string? RefreshError { get; private set; }

    /// <summary>Reloads what the page shows; called on open and on every change the page <see cref="Concerns"/>.</summary>
    protected abstract Task RefreshAsync();

    /// <summary>
    /// Whether a pushed change matters to this page; by default every change but the progress of jobs it does not show.
    /// The progress of work that is not a job (an import) is for whoever started it, never a reason to reload a list.
    /// </summary>
    protected virtual bool Concerns(SandboxEvent change) => !change.ProgressOnly || (ShowsJobs && change.Job is not null);

    /// <summary>Pages that show running jobs' progress set this, so that progress events refresh them.</summary>
    protected virtual bool ShowsJobs => true;

    protected override async Task OnInitializedAsync()
    {
        Events.Changed += OnChanged;
        await RefreshSafelyAsync();
    }
    /// <summary>Runs a user action; a failure shows its reason and returns false.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? success = null)
    {
        Busy = true;
        LastError = null;
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }
            await RefreshSafelyAsync();
            return true;
        }
        catch (Exception e)
        {
            LastError = Describe(e);
            Snackbar.Add(LastError, Severity.Error);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    public static string Describe(Exception e) => e switch
    {
        SandboxException sandbox => ErrorText.ForClient(sandbox.Message),
        _ => $"The sandbox server did not answer ({e.GetType().Name}). Is the silo running? The page retries on its own.",
    };

    private async Task RefreshSafelyAsync()
    {
        try
        {
            await RefreshAsync();
            RefreshError = null;
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            RefreshError = Describe(e);
            if (!_retrying)
            {
                _retrying = true;
                _ = RetryAsync(_disposed.Token);
            }
        }
    }

    /// <summary>Coalesces a burst of changes into one refresh at a time: a change that arrives during a refresh queues one more.</summary>
    private void OnChanged(SandboxEvent change)
    {
        if (_disposed.IsCancellationRequested || !Concerns(change) || Interlocked.Exchange(ref _refreshQueued, 1) == 1)
        {
            return;
        }
        _ = RefreshOnChangeAsync();
    }

    private async Task RefreshOnChangeAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                Interlocked.Exchange(ref _refreshQueued, 0);
                await RefreshSafelyAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away with the browser tab; jobs carry on without it.
        }
    }

    /// <summary>While the cluster cannot be reached, pushed changes cannot arrive either: retry until a refresh succeeds.</summary>
    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RetryInterval);
            while (RefreshError is not null && await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshSafelyAsync();
                    StateHasChanged();
                });
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _retrying = false;
        }
    }

    public void Dispose()
    {
        Events.Changed -= OnChanged;
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
