using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.PrepareData;

namespace Pipeline.Stages.Stages.Select;

/// <summary>
/// Select's contract. Reads: the <c>select:</c> section and the sweep seed. Upstream: the sweep run, its trials and the
/// training split. Fingerprint: the sweep run, the select section, the seed. Leaves: tags on the sweep run naming the
/// winner (<c>best_run_id</c>) and the refit model. Skip rule: the sweep run names a winner chosen with the same fingerprint.
/// </summary>
internal sealed class SelectContract : StageContract<SweepUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.Select;

    /// <inheritdoc/>
    protected override Task<SweepUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct) => SweepUpstream.FindAsync(context, ct);

    /// <inheritdoc/>
    protected override Fingerprint FingerprintOf(StageContext context, SweepUpstream upstream) =>
        Fingerprint.For(Name).Add("sweep_run", upstream.SweepRun.Info.RunId)
            .AddJson("select", context.Spec.Select).Add("seed", context.Spec.Sweep.Seed.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    protected override Task<StageResult?> ShouldSkipAsync(StageContext context, SweepUpstream upstream, Fingerprint fingerprint, CancellationToken ct)
    {
        var sweepRun = upstream.SweepRun;
        var skip = sweepRun.Data.Tag(PipelineTags.BestRunId) is { } best && Matches(sweepRun, PipelineTags.SelectFingerprint, fingerprint)
            ? Skipped(sweepRun, new Dictionary<string, string> { ["sweep_run_id"] = sweepRun.Info.RunId, ["best_run_id"] = best })
            : null;
        return Task.FromResult(skip);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, SweepUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var sweepRun = upstream.SweepRun;
        var trials = await upstream.Locator.ChildrenAsync(sweepRun.Info.RunId, PipelineTags.RoleTrial, ct);
        using var scratch = new ScratchFolder("select");
        var train = await new RunArtifacts(context.Artifacts).LoadSplitAsync(upstream.PipelineRun, PrepareDataStage.TrainArtifact, context.Spec.Data, scratch, ct);
        var output = await new SelectStage(context.Store, context.Reporter, context.Artifacts, context.Time).RunAsync(
            new SelectInput(context.Spec.Select, context.Spec.Data.Task, context.Spec.Sweep.Seed, sweepRun, trials, train), ct);
        await RecordAsync(context, sweepRun.Info.RunId, PipelineTags.SelectFingerprint, fingerprint, ct);
        return StageResult.Succeeded(Name, $"selected {output.Configuration} ({context.Spec.Select.Metric} = {output.Score:F4})",
            new Dictionary<string, string> { ["sweep_run_id"] = sweepRun.Info.RunId, ["best_run_id"] = output.BestRunId });
    }
}
