using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// One trial of a sweep as the sampler and the pruner see it: pure data, so that the in-process loop and a
/// distributed trial queue can both build it (from memory or from the store) and feed the same code.
/// </summary>
/// <param name="Number">The 0-based trial number (the child run's <c>pipeline.trial_index</c>).</param>
/// <param name="Configuration">The trainer and parameter values it ran (or runs) with.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Value">The selection metric of a <see cref="TrialState.Complete"/> trial; null otherwise.</param>
/// <param name="Intermediate">
/// The running mean of the selection metric after each fold: element <c>i</c> is step <c>i + 1</c> (folds done).
/// </param>
public sealed record TrialRecord(
    int Number,
    TrialConfiguration Configuration,
    TrialState State,
    double? Value,
    IReadOnlyList<double> Intermediate)
{
    /// <summary>The last reported step (folds done), 0 when none.</summary>
    public int LastStep => Intermediate.Count;

    /// <summary>The intermediate value at <paramref name="step"/> (1-based), or null when not reported.</summary>
    public double? At(int step) => step >= 1 && step <= Intermediate.Count ? Intermediate[step - 1] : null;
}
