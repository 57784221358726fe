namespace Pipeline.Tracking.Sweeps;

/// <summary>A RUNNING trial whose worker stopped heartbeating, taken back from it.</summary>
/// <param name="Number">The trial number.</param>
/// <param name="WorkerId">The worker that stopped heartbeating.</param>
/// <param name="RunId">The child run of the abandoned attempt, when the worker had attached one; the caller ends it FAILED.</param>
/// <param name="LastHeartbeat">The worker's last heartbeat, unix milliseconds.</param>
/// <param name="Requeued">True when the trial was queued again; false when its retries were used up and it is FAILED.</param>
/// <param name="Retries">Its retries after this one.</param>
public sealed record ReapedTrial(int Number, string WorkerId, string? RunId, long LastHeartbeat, bool Requeued, int Retries);
