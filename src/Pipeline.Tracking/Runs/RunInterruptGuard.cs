using System.Runtime.InteropServices;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Runs;

/// <summary>
/// Ends the runs it tracks when the process is interrupted (Ctrl+C) or asked to stop (SIGTERM), newest first so
/// children end before their parent. Status defaults to <c>KILLED</c>, what MLflow records for a run whose
/// <c>mlflow run</c> process was cancelled (<c>FAILED</c> stays the status of runs that crash).
/// Pass it to <see cref="TrackingClientOptions.InterruptGuard"/>; it holds no static state.
/// </summary>
public sealed class RunInterruptGuard : IDisposable
{
    private readonly object _gate = new();
    private readonly List<ActiveRun> _open = [];
    private readonly CancellationTokenSource _interrupted = new();
    private readonly IDisposable _subscription;
    private readonly Action<Exception> _onError;

    /// <param name="signals">Signal source; default <see cref="PosixSignalSource"/> (the process's SIGINT and SIGTERM).</param>
    /// <param name="status">Status given to open runs: <c>KILLED</c> (default) or <c>FAILED</c>.</param>
    /// <param name="endTimeout">How long a signal may wait for the store to record the ends. Default 10 s.</param>
    /// <param name="keepProcessAlive">
    /// False (default): after ending the runs the signal's default action proceeds and the process stops.
    /// True: the signal is cancelled and <see cref="Interrupted"/> fires, for apps that shut down themselves.
    /// </param>
    /// <param name="onError">Told when a run could not be ended (a signal handler cannot throw). Default: a line on stderr.</param>
    public RunInterruptGuard(
        ISignalSource? signals = null,
        RunStatus status = RunStatus.Killed,
        TimeSpan? endTimeout = null,
        bool keepProcessAlive = false,
        Action<Exception>? onError = null)
    {
        if (status is not (RunStatus.Killed or RunStatus.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Interrupted runs end as KILLED or FAILED.");
        }

        Status = status;
        EndTimeout = endTimeout ?? TimeSpan.FromSeconds(10);
        KeepProcessAlive = keepProcessAlive;
        _onError = onError ?? (e => Console.Error.WriteLine($"Could not mark an interrupted run {status.ToMlflowName()}: {e.Message}"));
        _subscription = (signals ?? new PosixSignalSource()).Subscribe(OnSignal);
    }

    /// <summary>The status open runs are ended with.</summary>
    public RunStatus Status { get; }

    /// <summary>How long a signal waits for the ends to be recorded.</summary>
    public TimeSpan EndTimeout { get; }

    /// <summary>Whether a signal is cancelled so the process keeps running.</summary>
    public bool KeepProcessAlive { get; }

    /// <summary>Cancelled when a signal arrives.</summary>
    public CancellationToken Interrupted => _interrupted.Token;

    /// <summary>The runs tracked and not yet ended, oldest first.</summary>
    public IReadOnlyList<ActiveRun> OpenRuns
    {
        get
        {
            lock (_gate)
            {
                return [.. _open];
            }
        }
    }

    /// <summary>Tracks <paramref name="run"/> until the returned registration is disposed (the client does so when the run ends).</summary>
    public IDisposable Track(ActiveRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            _open.Add(run);
        }

        return new Untrack(this, run);
    }

    /// <summary>Ends every open tracked run with <see cref="Status"/>, newest first; returns how many this call ended.</summary>
    public async Task<int> EndOpenRunsAsync(CancellationToken ct = default)
    {
        var runs = OpenRuns;
        var ended = 0;
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            try
            {
                if (await runs[i].EndAsync(Status, ct).ConfigureAwait(false))
                {
                    ended++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _onError(e);
            }

            Remove(runs[i]);
        }

        return ended;
    }

    /// <summary>Stops listening for signals; tracked runs are left as they are.</summary>
    public void Dispose()
    {
        _subscription.Dispose();
        _interrupted.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        using (var timeout = new CancellationTokenSource(EndTimeout))
        {
            try
            {
                // Signal handlers run on their own thread; blocking here keeps the process alive until the store has the ends.
                EndOpenRunsAsync(timeout.Token).Wait(timeout.Token);
            }
            catch (OperationCanceledException e)
            {
                _onError(new TimeoutException($"Ending interrupted runs took longer than {EndTimeout}.", e));
            }
            catch (AggregateException e)
            {
                _onError(e.InnerException ?? e);
            }
        }

        context.Cancel = KeepProcessAlive;
        _interrupted.Cancel();
    }

    private void Remove(ActiveRun run)
    {
        lock (_gate)
        {
            _open.Remove(run);
        }
    }

    private sealed class Untrack(RunInterruptGuard guard, ActiveRun run) : IDisposable
    {
        public void Dispose() => guard.Remove(run);
    }
}
