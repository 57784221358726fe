using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep.Pruning;

/// <summary>
/// Decides, after a trial reports an intermediate value, whether to stop it. Pure: the decision depends only on
/// the trial's reported values and the other trials' records, so the in-process loop and a distributed trial queue
/// (reading metric histories from the store) decide alike.
/// </summary>
public interface ITrialPruner
{
    /// <summary>Whether to stop <paramref name="trial"/> at its last reported step (<see cref="TrialRecord.LastStep"/>).</summary>
    /// <param name="trial">The running trial, with its intermediate values up to now.</param>
    /// <param name="others">Every other trial of the sweep in any state.</param>
    bool ShouldPrune(TrialRecord trial, IReadOnlyList<TrialRecord> others);
}
