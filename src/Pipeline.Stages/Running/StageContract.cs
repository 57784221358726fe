using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Running;

/// <summary>
/// What a stage declares about itself, as Cake's tasks and DVC's stages do: what it reads from upstream results
/// (<see cref="ReadUpstreamAsync"/>), the fingerprint of its inputs (<see cref="FingerprintOf"/>), its own skip rule
/// (<see cref="ShouldSkipAsync"/>, Cake's <c>ShouldRun</c> inverted, DVC's content hashes) and the work that leaves its
/// results in the store (<see cref="RunAsync"/>). The order is fixed here: upstream, fingerprint, skip, run.
/// </summary>
/// <typeparam name="TUpstream">What the stage reads from earlier stages' results.</typeparam>
internal abstract class StageContract<TUpstream> : IStageContract
{
    /// <inheritdoc/>
    public abstract StageName Name { get; }

    /// <summary>
    /// Finds the upstream results the stage consumes (runs, tags, artifacts). A missing one is a
    /// <see cref="PipelineException"/> naming the stage to run first.
    /// </summary>
    protected abstract Task<TUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct);

    /// <summary>The content hash of everything that determines the stage's output; null for a stage that always runs.</summary>
    protected abstract Fingerprint? FingerprintOf(StageContext context, TUpstream upstream);

    /// <summary>
    /// The stage's skip rule: the result to report when the fingerprint matches what it last left in the store (and
    /// that result still exists), else null. Never asked when forced or when there is no fingerprint.
    /// </summary>
    protected virtual Task<StageResult?> ShouldSkipAsync(StageContext context, TUpstream upstream, Fingerprint fingerprint, CancellationToken ct) =>
        Task.FromResult<StageResult?>(null);

    /// <summary>Does the work and records the fingerprint with its result.</summary>
    protected abstract Task<StageResult> RunAsync(StageContext context, TUpstream upstream, Fingerprint? fingerprint, CancellationToken ct);

    /// <inheritdoc/>
    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken ct)
    {
        var upstream = await ReadUpstreamAsync(context, ct);
        var fingerprint = FingerprintOf(context, upstream);
        if (await SkipAsync(context, upstream, fingerprint, ct) is { } skipped)
        {
            context.Reporter.Info(skipped.Summary);
            return skipped;
        }
        return await RunAsync(context, upstream, fingerprint, ct);
    }

    /// <summary>
    /// The decision <see cref="ExecuteAsync"/> takes before any work: the upstream lookup, the fingerprint and the skip
    /// rule, without running the stage (what the stage's unit tests check, in milliseconds).
    /// </summary>
    /// <returns>The fingerprint (null for a stage that always runs) and the skip result, or null when the stage would run.</returns>
    internal async Task<(Fingerprint? Fingerprint, StageResult? Skipped)> DecideAsync(StageContext context, CancellationToken ct)
    {
        var upstream = await ReadUpstreamAsync(context, ct);
        var fingerprint = FingerprintOf(context, upstream);
        return (fingerprint, await SkipAsync(context, upstream, fingerprint, ct));
    }

    private async Task<StageResult?> SkipAsync(StageContext context, TUpstream upstream, Fingerprint? fingerprint, CancellationToken ct) =>
        fingerprint is null || context.Options.Force ? null : await ShouldSkipAsync(context, upstream, fingerprint, ct);

    /// <summary>True when <paramref name="result"/> (the run holding the stage's last result) recorded the same fingerprint under <paramref name="tag"/>.</summary>
    protected static bool Matches(Run? result, string tag, Fingerprint fingerprint) =>
        result is not null && result.Data.Tag(tag) == fingerprint.Value;

    /// <summary>A skip result naming the run whose result is reused.</summary>
    protected StageResult Skipped(Run result, IReadOnlyDictionary<string, string> outputs) =>
        StageResult.Skipped(Name, result.Info.RunId, outputs);

    /// <summary>Records the fingerprint on the run holding the stage's result, for the next run's skip rule.</summary>
    protected static Task RecordAsync(StageContext context, string runId, string tag, Fingerprint? fingerprint, CancellationToken ct) =>
        fingerprint is null ? Task.CompletedTask : context.Store.SetTagAsync(runId, new RunTag(tag, fingerprint.Value), ct);
}
