namespace Pipeline.Tracking.Sweeps;

/// <summary>One row of a sweep's trial queue.</summary>
/// <param name="Number">The trial number, 0-based, unique within the sweep.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Configuration">Its configuration; null until a sampler chose it.</param>
/// <param name="WorkerId">The worker holding it (RUNNING) or that last held it.</param>
/// <param name="Heartbeat">The holder's last heartbeat, unix milliseconds.</param>
/// <param name="Retries">How many times it was queued again after its worker died.</param>
/// <param name="RunId">The child run of its current (or last) attempt.</param>
/// <param name="Error">Why it failed, or why its last attempt was abandoned.</param>
public sealed record QueuedTrial(int Number, TrialState State, string? Configuration, string? WorkerId, long? Heartbeat, int Retries, string? RunId, string? Error);
