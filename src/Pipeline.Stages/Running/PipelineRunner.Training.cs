using System.Globalization;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Select;
using Pipeline.Stages.Stages.Sweep;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Running;

/// <summary>
/// Maps the stage context to the training stages' inputs, finding earlier stages' runs in the store, and skips a
/// stage whose fingerprint matches the one recorded on its last result (unless forced).
/// </summary>
public sealed partial class PipelineRunner
{
    private async Task<StageResult> PrepareDataAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var data = context.Spec.Data;
        var fingerprint = Fingerprint.For(StageName.PrepareData).AddFile("data", data.Path)
            .AddJson("data", data.WithoutFolders());
        if (data.TestPath is not null)
            fingerprint.AddFile("test_data", data.TestPath);
        var previous = await locator.LatestAsync(PipelineTags.RolePipeline, null, ct);
        if (IsUnchanged(context, previous, PipelineTags.Fingerprint, fingerprint))
            return Skipped(StageName.PrepareData, previous!, new() { ["pipeline_run_id"] = previous!.Info.RunId });

        var output = await new PrepareDataStage(context.Tracking, context.Store, reporter)
            .RunAsync(new PrepareDataInput(data, locator.ExperimentId, locator.PipelineFile), ct);
        await RecordAsync(context.Store, output.PipelineRunId, PipelineTags.Fingerprint, fingerprint, ct);
        return StageResult.Succeeded(StageName.PrepareData, $"dataset {output.Digest}: {output.TrainRows} train / {output.TestRows} test rows",
            new Dictionary<string, string> { ["pipeline_run_id"] = output.PipelineRunId, ["digest"] = output.Digest });
    }

    private async Task<StageResult> SweepAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        var spec = context.Spec;
        var fingerprint = Fingerprint.For(StageName.Sweep).Add("pipeline_run", pipelineRun.Info.RunId)
            .AddJson("trials", SearchSpaceExpander.Expand(spec.Sweep).Select(t => t.ToString()))
            .Add("cv", $"{spec.Sweep.CvFolds}/{spec.Sweep.Seed}");
        var previous = await locator.LatestAsync(PipelineTags.RoleSweep, pipelineRun.Info.RunId, ct);
        if (IsUnchanged(context, previous, PipelineTags.Fingerprint, fingerprint))
            return Skipped(StageName.Sweep, previous!, new() { ["sweep_run_id"] = previous!.Info.RunId });

        using var scratch = new ScratchFolder("sweep");
        var train = await new RunArtifacts(context.Artifacts).LoadSplitAsync(pipelineRun, PrepareDataStage.TrainArtifact, spec.Data, scratch, ct);
        var output = await new SweepStage(context.Tracking, reporter, time).RunAsync(
            new SweepInput(spec.Sweep, spec.Select, spec.Data.Task, train, locator.ExperimentId, pipelineRun.Info.RunId, locator.PipelineFile), ct);
        await RecordAsync(context.Store, output.SweepRunId, PipelineTags.Fingerprint, fingerprint, ct);
        return StageResult.Succeeded(StageName.Sweep, $"{output.Trials - output.Failed} of {output.Trials} trials finished",
            new Dictionary<string, string> { ["sweep_run_id"] = output.SweepRunId });
    }

    private async Task<StageResult> SelectAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        var sweepRun = await locator.RequireLatestAsync(PipelineTags.RoleSweep, pipelineRun.Info.RunId, StageName.Sweep, ct);
        var fingerprint = Fingerprint.For(StageName.Select).Add("sweep_run", sweepRun.Info.RunId)
            .AddJson("select", context.Spec.Select).Add("seed", context.Spec.Sweep.Seed.ToString(CultureInfo.InvariantCulture));
        var outputs = new Dictionary<string, string> { ["sweep_run_id"] = sweepRun.Info.RunId };
        if (sweepRun.Data.Tag(PipelineTags.BestRunId) is { } bestSoFar && IsUnchanged(context, sweepRun, PipelineTags.SelectFingerprint, fingerprint))
            return Skipped(StageName.Select, sweepRun, new(outputs) { ["best_run_id"] = bestSoFar });

        var trials = await locator.ChildrenAsync(sweepRun.Info.RunId, PipelineTags.RoleTrial, ct);
        using var scratch = new ScratchFolder("select");
        var train = await new RunArtifacts(context.Artifacts).LoadSplitAsync(pipelineRun, PrepareDataStage.TrainArtifact, context.Spec.Data, scratch, ct);
        var output = await new SelectStage(context.Store, reporter, context.Artifacts, time).RunAsync(
            new SelectInput(context.Spec.Select, context.Spec.Data.Task, context.Spec.Sweep.Seed, sweepRun, trials, train), ct);
        await RecordAsync(context.Store, sweepRun.Info.RunId, PipelineTags.SelectFingerprint, fingerprint, ct);
        outputs["best_run_id"] = output.BestRunId;
        return StageResult.Succeeded(StageName.Select, $"selected {output.Configuration} ({context.Spec.Select.Metric} = {output.Score:F4})", outputs);
    }

    /// <summary>True when the run holding a stage's last result recorded the same fingerprint, and the user did not force a rerun.</summary>
    private static bool IsUnchanged(StageContext context, Run? result, string tag, Fingerprint fingerprint) =>
        !context.Options.Force && result is not null && result.Data.Tag(tag) == fingerprint.Value;

    private StageResult Skipped(StageName stage, Run result, Dictionary<string, string> outputs)
    {
        var skipped = StageResult.Skipped(stage, result.Info.RunId, outputs);
        reporter.Info(skipped.Summary);
        return skipped;
    }

    private Task RecordAsync(ITrackingStore store, string runId, string tag, Fingerprint fingerprint, CancellationToken ct) =>
        store.SetTagAsync(runId, new RunTag(tag, fingerprint.Value), ct);
}
