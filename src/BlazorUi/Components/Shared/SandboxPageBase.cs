using GanRsSandbox.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GanRsSandbox.BlazorUi.Components.Shared;

/// <summary>
/// What every page shares: failures shown as a snackbar with their reason (never a blank page), a busy flag that
/// disables buttons while work runs, and a refresh loop that keeps progress moving while the page is open.
/// </summary>
public abstract class SandboxPageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private bool _polling;

    [Inject] protected ISnackbar Snackbar { get; set; } = null!;

    /// <summary>True while a user action runs: buttons bind Disabled to it.</summary>
    protected bool Busy { get; private set; }

    /// <summary>The reason the last user action failed, for pages that also show it next to the form.</summary>
    protected string? LastError { get; private set; }

    /// <summary>Why the last refresh failed (the server is unreachable, usually); shown as an alert until one succeeds.</summary>
    protected string? RefreshError { get; private set; }

    /// <summary>How often <see cref="RefreshAsync"/> runs while the page is open.</summary>
    protected virtual TimeSpan RefreshInterval => TimeSpan.FromSeconds(1.5);

    /// <summary>Reloads what the page shows; called on open and then every <see cref="RefreshInterval"/>.</summary>
    protected abstract Task RefreshAsync();

    protected override async Task OnInitializedAsync() => await RefreshSafelyAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && !_polling)
        {
            _polling = true;
            _ = PollAsync(_disposed.Token);
        }
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
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshSafelyAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away with the browser tab; jobs carry on without it.
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
