namespace Pipeline.Tracking.Sweeps;

/// <summary>The names trial states have in the store and on the wire (<c>QUEUED</c>, <c>RUNNING</c>, <c>COMPLETE</c>, <c>FAILED</c>).</summary>
public static class TrialStates
{
    /// <summary>The stored name of <paramref name="state"/>.</summary>
    public static string ToName(this TrialState state) => state switch
    {
        TrialState.Queued => "QUEUED",
        TrialState.Running => "RUNNING",
        TrialState.Complete => "COMPLETE",
        TrialState.Failed => "FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Parses a stored name; throws <see cref="FormatException"/> on any other text.</summary>
    public static TrialState Parse(string name) => name switch
    {
        "QUEUED" => TrialState.Queued,
        "RUNNING" => TrialState.Running,
        "COMPLETE" => TrialState.Complete,
        "FAILED" => TrialState.Failed,
        _ => throw new FormatException($"Unknown trial state '{name}'; expected QUEUED, RUNNING, COMPLETE or FAILED."),
    };
}
