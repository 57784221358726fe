using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// Sweep's contract. Reads: the <c>sweep:</c> and <c>select:</c> sections. Upstream: the pipeline run's training split.
/// Fingerprint: the pipeline run, the expanded trials, folds and seed. Leaves: a sweep run (<c>sweep_run_id</c>) with
/// one child run per trial. Skip rule: the latest finished sweep under the pipeline run has the same fingerprint.
/// </summary>
internal sealed class SweepContract : StageContract<PipelineRunUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.Sweep;

    /// <inheritdoc/>
    protected override Task<PipelineRunUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct) => PipelineRunUpstream.FindAsync(context, ct);

    /// <inheritdoc/>
    protected override Fingerprint FingerprintOf(StageContext context, PipelineRunUpstream upstream)
    {
        var sweep = context.Spec.Sweep;
        var fingerprint = Fingerprint.For(Name).Add("pipeline_run", upstream.PipelineRun.Info.RunId);
        // Grid and random sweeps are fingerprinted by their listed trials (unchanged by these options' arrival);
        // a tpe sweep by what decides its trials: the space, the count, the seed, the settings and the metric.
        fingerprint = sweep.Strategy == SweepStrategy.Tpe
            ? fingerprint.AddJson("tpe", new { sweep.SearchSpace, sweep.Trials, sweep.Tpe, context.Spec.Select })
            : fingerprint.AddJson("trials", SearchSpaceExpander.Expand(sweep).Select(t => t.ToString()));
        if (sweep.Pruner is not null || sweep.StopWhen is not null || sweep.Timeout is not null)
            fingerprint = fingerprint.AddJson("stopping", new { sweep.Pruner, StopWhen = sweep.StopWhen?.ToString(), sweep.Timeout, context.Spec.Select });
        return fingerprint.Add("cv", $"{sweep.CvFolds}/{sweep.Seed}");
    }

    /// <inheritdoc/>
    protected override async Task<StageResult?> ShouldSkipAsync(StageContext context, PipelineRunUpstream upstream, Fingerprint fingerprint, CancellationToken ct)
    {
        var previous = await upstream.Locator.LatestAsync(PipelineTags.RoleSweep, upstream.PipelineRun.Info.RunId, ct);
        return Matches(previous, PipelineTags.Fingerprint, fingerprint)
            ? Skipped(previous!, new Dictionary<string, string> { ["sweep_run_id"] = previous!.Info.RunId })
            : null;
    }

    /// <summary>
    /// The store's trial queue, when it has one, under the sweep's id: <c>--sweep-id</c>, else the fingerprint (so the same
    /// command on N machines joins one sweep). Forced without a name, the sweep gets a fresh id: it reruns, unshared.
    /// </summary>
    private static SharedSweepOptions? Shared(StageContext context, Fingerprint? fingerprint)
    {
        if (context.Store is not ITrialQueueProvider provider)
        {
            context.Reporter.Warning($"Sweep: the tracking store at {context.Location.TrackingUri} holds no trial queue; this sweep runs with one worker, in this process, and other machines running the same command would repeat it.");
            return null;
        }
        if (context.Spec.Sweep is { StopWhen: not null } or { Timeout: not null })
        {
            // Stopping early is one process's decision over the trials it sees; workers of a shared queue would each
            // decide differently and leave queued trials that Select waits for. So such a sweep runs here, unshared.
            var message = "Sweep: stop_when and timeout end a sweep run by one process; this sweep runs in this process, unshared.";
            if (context.Options.SweepId is not null) context.Reporter.Warning($"{message} --sweep-id {context.Options.SweepId} is not used.");
            else context.Reporter.Info(message);
            return null;
        }

        var id = context.Options.SweepId
            ?? (context.Options.Force || fingerprint is null ? $"{fingerprint?.Value ?? "sweep"}-{Guid.NewGuid():N}" : fingerprint.Value);
        return new SharedSweepOptions(provider.TrialQueue, context.Store, id, WorkerIdentity.OfCurrentProcess());
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PipelineRunUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var spec = context.Spec;
        using var scratch = new ScratchFolder("sweep");
        var train = await new RunArtifacts(context.Artifacts).LoadSplitAsync(upstream.PipelineRun, PrepareDataStage.TrainArtifact, spec.Data, scratch, ct);
        var output = await new SweepStage(context.Tracking, context.Reporter, context.Time, Shared(context, fingerprint)).RunAsync(
            new SweepInput(spec.Sweep, spec.Select, spec.Data.Task, train, upstream.Locator.ExperimentId, upstream.PipelineRun.Info.RunId, upstream.Locator.PipelineFile), ct);
        await RecordAsync(context, output.SweepRunId, PipelineTags.Fingerprint, fingerprint, ct);
        return StageResult.Succeeded(Name, $"{output.Trials - output.Failed} of {output.Trials} trials finished",
            new Dictionary<string, string> { ["sweep_run_id"] = output.SweepRunId });
    }
}
