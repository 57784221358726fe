namespace Pipeline.Tracking.Sweeps;

/// <summary>A trial a worker claimed: it now holds it and must heartbeat it until it finishes it.</summary>
/// <param name="Number">The trial number.</param>
/// <param name="Configuration">Its configuration, or null when the worker's sampler chooses it.</param>
/// <param name="Retries">How many earlier attempts were abandoned by dead workers (0 on the first attempt).</param>
public sealed record ClaimedTrial(int Number, string? Configuration, int Retries);
