namespace Pipeline.Tracking.Sweeps;

/// <summary>
/// The trial queue workers of one sweep share (Optuna's RDB storage of a study's trials): created once, joined by every
/// other worker, trials claimed atomically so each is held by one worker at a time, heartbeated while they run, and taken
/// back from workers that stopped heartbeating. Every time is the store's clock (on a tracking server, the server's), so
/// workers on machines whose clocks differ agree on staleness.
/// </summary>
public interface ITrialQueue
{
    /// <summary>
    /// Creates the sweep's queue with one QUEUED trial per configuration, or joins it when it exists (Optuna's
    /// <c>load_if_exists</c>): of callers racing on one sweep id exactly one gets <see cref="SweepQueue.Created"/>.
    /// </summary>
    /// <exception cref="SweepQueueMismatchException">The existing queue declares a different number of trials or another experiment.</exception>
    Task<SweepQueue> CreateOrJoinAsync(SweepQueueRequest request, CancellationToken ct = default);

    /// <summary>The sweep's queue, or null when there is none.</summary>
    Task<SweepQueue?> GetSweepAsync(string sweepId, CancellationToken ct = default);

    /// <summary>Records the parent sweep run the creating worker started; a no-op when one is recorded already (returns false).</summary>
    Task<bool> SetSweepRunAsync(string sweepId, string runId, CancellationToken ct = default);

    /// <summary>
    /// Claims the lowest-numbered QUEUED trial for <paramref name="workerId"/> (RUNNING, heartbeat now), or returns null
    /// when none is queued. Concurrent claimers never get the same trial.
    /// </summary>
    Task<ClaimedTrial?> ClaimAsync(string sweepId, string workerId, CancellationToken ct = default);

    /// <summary>
    /// Records the configuration a worker chose for a trial it holds (a sampled trial's first attempt), before the attempt
    /// creates its run: should the worker die at any later moment, the retry's <see cref="ClaimAsync"/> returns it, so every
    /// attempt of the trial runs the same configuration. False, changing nothing, when the worker no longer holds the trial.
    /// </summary>
    Task<bool> RecordConfigurationAsync(string sweepId, int number, string workerId, string configuration, CancellationToken ct = default);

    /// <summary>
    /// Records the child run of a trial the worker holds, and <paramref name="configuration"/> when not null (workers record
    /// it earlier, with <see cref="RecordConfigurationAsync"/>); false when it no longer holds it.
    /// </summary>
    Task<bool> AttachAsync(string sweepId, int number, string workerId, string runId, string? configuration, CancellationToken ct = default);

    /// <summary>Renews the heartbeat of a trial the worker holds; false when it no longer holds it (it was taken back).</summary>
    Task<bool> HeartbeatAsync(string sweepId, int number, string workerId, CancellationToken ct = default);

    /// <summary>
    /// Ends a trial the worker holds as COMPLETE or FAILED; false, changing nothing, when it no longer holds it. A worker
    /// ends its child run FINISHED only after this returned true, so a trial never runs twice to completion.
    /// </summary>
    Task<bool> FinishAsync(string sweepId, int number, string workerId, TrialState state, string? error, CancellationToken ct = default);

    /// <summary>
    /// Takes back every RUNNING trial whose heartbeat is older than <paramref name="staleAfter"/>: queued again while it has
    /// retries left, else FAILED. Concurrent reapers never both take back the same attempt.
    /// </summary>
    Task<IReadOnlyList<ReapedTrial>> ReapAsync(string sweepId, TimeSpan staleAfter, CancellationToken ct = default);

    /// <summary>The number of trials in each state (all zero when there is no such sweep).</summary>
    Task<TrialCounts> CountAsync(string sweepId, CancellationToken ct = default);

    /// <summary>Every trial of the sweep in number order (empty when there is no such sweep).</summary>
    Task<IReadOnlyList<QueuedTrial>> ListAsync(string sweepId, CancellationToken ct = default);
}
