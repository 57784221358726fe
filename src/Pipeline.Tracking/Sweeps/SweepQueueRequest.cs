namespace Pipeline.Tracking.Sweeps;

/// <summary>What the first worker of a sweep creates, and what a joining worker checks it joins.</summary>
/// <param name="SweepId">The sweep's identity: the Sweep stage's fingerprint or a name given with <c>--sweep-id</c> (at most 256 characters).</param>
/// <param name="ExperimentId">The experiment the sweep's runs are in.</param>
/// <param name="Configurations">
/// One entry per trial, in trial-number order: its configuration when the search space is enumerated up front (grid,
/// random), or null when a sampler chooses it at claim time.
/// </param>
/// <param name="MaxRetries">How many times a trial whose worker died is queued again (Optuna's <c>RetryFailedTrialCallback</c>); default 1.</param>
public sealed record SweepQueueRequest(string SweepId, string ExperimentId, IReadOnlyList<string?> Configurations, int MaxRetries = 1);
