using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Stages.Stages.Select;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>
/// Evaluate's contract. Reads: the <c>evaluate:</c> gates. Upstream: the selected model and the held-out test split.
/// Fingerprint: the sweep run, the selection's fingerprint, the gates, and for baseline gates the version holding each
/// alias named (or none), so a new champion reruns Evaluate. Leaves: an evaluation run
/// (<c>evaluation_run_id</c>) with metrics, plots and gate verdicts. Skip rule: the latest evaluation under the pipeline
/// run has the same fingerprint; an unchanged failed gate still fails.
/// </summary>
internal sealed class EvaluateContract : StageContract<EvaluateUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.Evaluate;

    /// <inheritdoc/>
    protected override async Task<EvaluateUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct)
    {
        var selected = await SelectedModel.FindAsync(context, ct);
        var gates = context.Spec.Evaluate.Gates;
        var baselines = gates.Any(g => g.Baseline is not null)
            ? await GateBaselines.ResolveAsync(context.Store, context.Registry, context.Spec.Model.Name, gates, ct)
            : GateBaselines.None;
        return new EvaluateUpstream(selected, baselines);
    }

    /// <inheritdoc/>
    protected override Fingerprint FingerprintOf(StageContext context, EvaluateUpstream upstream)
    {
        var selected = upstream.Selected;
        var fingerprint = Fingerprint.For(Name).Add("sweep_run", selected.SweepRun.Info.RunId)
            .Add("model", selected.SweepRun.Data.Tag(PipelineTags.SelectFingerprint)).AddJson("gates", context.Spec.Evaluate.Gates);
        // Only baseline gates add the holders, so fingerprints of plain gates stay what earlier versions recorded.
        return upstream.Baselines.Holders.Count == 0 ? fingerprint : fingerprint.AddJson("baselines", upstream.Baselines.Identity());
    }

    /// <inheritdoc/>
    protected override async Task<StageResult?> ShouldSkipAsync(StageContext context, EvaluateUpstream upstream, Fingerprint fingerprint, CancellationToken ct)
    {
        var selected = upstream.Selected;
        var previous = await selected.Locator.LatestAsync(PipelineTags.RoleEvaluation, selected.PipelineRun.Info.RunId, ct);
        if (!Matches(previous, PipelineTags.Fingerprint, fingerprint))
            return null;
        // An unchanged evaluation still answers with its verdict: a failed gate stays failed until something changes.
        var skipped = Skipped(previous!, new Dictionary<string, string> { ["evaluation_run_id"] = previous!.Info.RunId });
        if (previous.Data.Tag(PipelineTags.GateVerdict) != "failed")
            return skipped;
        var failed = previous.Data.Tags
            .Where(t => t.Key.StartsWith(PipelineTags.GatePrefix, StringComparison.Ordinal) && t.Value.StartsWith("failed", StringComparison.Ordinal))
            .Select(t => $"gate {t.Key[PipelineTags.GatePrefix.Length..]} {t.Value}");
        return skipped with { Outcome = StageOutcome.GateFailed, Summary = $"{skipped.Summary}; {string.Join("; ", failed)}" };
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, EvaluateUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var selected = upstream.Selected;
        using var scratch = new ScratchFolder("evaluate");
        var files = new RunArtifacts(context.Artifacts);
        var modelFile = await files.DownloadAsync(selected.SweepRun, SelectStage.ModelArtifact, scratch, ct);
        var test = await files.LoadSplitAsync(selected.PipelineRun, PrepareDataStage.TestArtifact, context.Spec.Data, scratch, ct);
        var output = await new EvaluateStage(context.Tracking, context.Reporter).RunAsync(new EvaluateInput(
            context.Spec.Evaluate, modelFile, selected.ClassValues, test, selected.Locator.ExperimentId,
            selected.PipelineRun.Info.RunId, selected.SweepRun.Info.RunId, selected.Locator.PipelineFile,
            TestDataset(selected.PipelineRun), upstream.Baselines), ct);
        await RecordAsync(context, output.EvaluationRunId, PipelineTags.Fingerprint, fingerprint, ct);
        var outputs = new Dictionary<string, string> { ["evaluation_run_id"] = output.EvaluationRunId };
        if (output.Passed)
            return StageResult.Succeeded(Name, $"all {output.Gates.Count} gates passed", outputs);
        var failed = string.Join("; ", output.Gates.Where(g => !g.Passed).Select(g => $"gate {g.Gate.Metric} {g}"));
        return new StageResult(Name, StageOutcome.GateFailed, $"Evaluate: {failed}", outputs);
    }

    /// <summary>The test split's dataset record on the pipeline run (the input PrepareData tagged <c>testing</c>).</summary>
    private static Dataset? TestDataset(Run pipelineRun) =>
        pipelineRun.Inputs.FirstOrDefault(i => i.Tags.Any(t => t.Key == SystemTags.DatasetContext && t.Value == PrepareDataStage.TestingContext))?.Dataset;
}
