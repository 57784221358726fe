namespace Pipeline.Tracking.Sweeps;

/// <summary>A sweep's queue as the store holds it.</summary>
/// <param name="SweepId">Its identity.</param>
/// <param name="ExperimentId">The experiment of its runs.</param>
/// <param name="SweepRunId">The parent sweep run; null until the worker that created the queue has started it.</param>
/// <param name="Trials">The number of trials declared.</param>
/// <param name="MaxRetries">How often a trial whose worker died is queued again.</param>
/// <param name="Created">True for the one caller that created the queue; false for every caller that joined it.</param>
public sealed record SweepQueue(string SweepId, string ExperimentId, string? SweepRunId, int Trials, int MaxRetries, bool Created);
