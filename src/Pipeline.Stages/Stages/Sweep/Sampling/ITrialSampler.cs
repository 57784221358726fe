using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// Chooses the configuration of the next trial (the "ask" half of ask/tell; "tell" is adding the finished trial to
/// the history passed next time). Implementations are pure: the same trial number and history give the same
/// configuration, so a single-worker sweep is repeatable and a trial queue may call it from any worker.
/// </summary>
public interface ITrialSampler
{
    /// <summary>The configuration of trial <paramref name="trialNumber"/>.</summary>
    /// <param name="trialNumber">0-based; becomes <see cref="TrialConfiguration.Index"/>.</param>
    /// <param name="history">
    /// Every other trial of the sweep in any state. Running trials count too: TPE treats them as bad (the constant
    /// liar), so that parallel trials do not all sample the same point.
    /// </param>
    TrialConfiguration Sample(int trialNumber, IReadOnlyList<TrialRecord> history);

    /// <summary>The most trials this sampler can give (the grid size), or null when unbounded.</summary>
    int? Capacity { get; }
}
