namespace Pipeline.Stages.Running;

/// <summary>
/// What a stage reports back to its front end: how it ended, a one-line summary, and named outputs
/// (e.g. <c>experiment_id</c>, <c>run_id</c>) that front ends map to their own outputs.
/// </summary>
/// <param name="Stage">The stage.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Summary">One line for the log.</param>
/// <param name="Outputs">Named outputs, e.g. <c>sweep_run_id</c>.</param>
public sealed record StageResult(StageName Stage, StageOutcome Outcome, string Summary, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>How long the stage took, from opening the store to its result (set by the runner).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>A stage that did its work.</summary>
    public static StageResult Succeeded(StageName stage, string summary, IReadOnlyDictionary<string, string>? outputs = null) =>
        new(stage, StageOutcome.Succeeded, summary, outputs ?? new Dictionary<string, string>());

    /// <summary>The stage did nothing because its inputs are unchanged since <paramref name="runId"/> produced its result.</summary>
    public static StageResult Skipped(StageName stage, string runId, IReadOnlyDictionary<string, string>? outputs = null) =>
        new(stage, StageOutcome.Skipped, $"{stage}: skipped, inputs unchanged since run {runId[..Math.Min(8, runId.Length)]}", outputs ?? new Dictionary<string, string>());
}
