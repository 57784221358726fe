using System.Globalization;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// When a sweep stops starting trials before it has run them all: <c>stop_when</c> met by a complete trial, or
/// <c>timeout</c> passed. Trials already running finish (as Optuna's timeout does); the rest are reported as not run.
/// </summary>
internal sealed class SweepStopRules(SweepSpec sweep, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    /// <summary>Why the sweep stopped early; null while it goes on.</summary>
    public string? Reason { get; private set; }

    /// <summary>Checks the timeout before a trial starts; true when the sweep must stop.</summary>
    public bool TimedOut()
    {
        if (Reason is null && sweep.Timeout is { } timeout && time.GetElapsedTime(_started) >= timeout)
            Reason = string.Create(CultureInfo.InvariantCulture, $"timeout of {timeout.TotalSeconds:0.#} s reached");
        return Reason is not null;
    }

    /// <summary>Checks <c>stop_when</c> against a finished trial; true when the sweep must stop.</summary>
    public bool Met(TrialOutcome outcome)
    {
        if (Reason is null && sweep.StopWhen is { } goal && outcome.State == Sampling.TrialState.Complete
            && outcome.Metrics.TryGetValue(goal.Metric, out var value) && goal.IsMet(value))
        {
            Reason = string.Create(CultureInfo.InvariantCulture, $"stop_when '{goal}' met by {outcome.Trial} ({goal.Metric} = {value:F4})");
        }

        return Reason is not null;
    }
}
