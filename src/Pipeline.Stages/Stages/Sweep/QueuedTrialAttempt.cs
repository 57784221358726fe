namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// What a trial claimed from a shared queue adds to a plain trial run: tags naming the worker and attempt, a call once its
/// child run exists (recorded in the queue, so a reaper can end it), and the queue's consent before the run ends.
/// </summary>
/// <param name="Tags">Tags added to the child run.</param>
/// <param name="Started">Called with the child run id as soon as the run exists.</param>
/// <param name="Commit">Records the outcome in the queue; false when the trial was taken back from this worker.</param>
internal sealed record QueuedTrialAttempt(
    IReadOnlyDictionary<string, string> Tags,
    Func<string, CancellationToken, Task> Started,
    Func<TrialOutcome, CancellationToken, Task<bool>> Commit)
{
    public Task StartedAsync(string runId, CancellationToken ct) => Started(runId, ct);

    public Task<bool> CommitAsync(TrialOutcome outcome, CancellationToken ct) => Commit(outcome, ct);
}
