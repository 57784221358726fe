using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Select;
using Pipeline.Stages.Stages.Sweep;

namespace Pipeline.Stages.Running;

/// <summary>Maps the stage context to the training stages' inputs, finding earlier stages' runs in the store.</summary>
public sealed partial class PipelineRunner
{
    private async Task<StageResult> PrepareDataAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var output = await new PrepareDataStage(context.Tracking, context.Store, reporter)
            .RunAsync(new PrepareDataInput(context.Spec.Data, locator.ExperimentId, locator.PipelineFile), ct);
        return StageResult.Succeeded(StageName.PrepareData, $"dataset {output.Digest}: {output.TrainRows} train / {output.TestRows} test rows",
            new Dictionary<string, string> { ["pipeline_run_id"] = output.PipelineRunId, ["digest"] = output.Digest });
    }

    private async Task<StageResult> SweepAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        using var scratch = new ScratchFolder("sweep");
        var train = await new RunArtifacts(context.Artifacts).LoadSplitAsync(pipelineRun, PrepareDataStage.TrainArtifact, context.Spec.Data, scratch, ct);
        var spec = context.Spec;
        var output = await new SweepStage(context.Tracking, reporter, time).RunAsync(
            new SweepInput(spec.Sweep, spec.Select, spec.Data.Task, train, locator.ExperimentId, pipelineRun.Info.RunId, locator.PipelineFile), ct);
        return StageResult.Succeeded(StageName.Sweep, $"{output.Trials - output.Failed} of {output.Trials} trials finished",
            new Dictionary<string, string> { ["sweep_run_id"] = output.SweepRunId });
    }

    private async Task<StageResult> SelectAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        var sweepRun = await locator.RequireLatestAsync(PipelineTags.RoleSweep, pipelineRun.Info.RunId, StageName.Sweep, ct);
        var trials = await locator.ChildrenAsync(sweepRun.Info.RunId, PipelineTags.RoleTrial, ct);
        using var scratch = new ScratchFolder("select");
        var train = await new RunArtifacts(context.Artifacts).LoadSplitAsync(pipelineRun, PrepareDataStage.TrainArtifact, context.Spec.Data, scratch, ct);
        var output = await new SelectStage(context.Store, reporter, context.Artifacts, time).RunAsync(
            new SelectInput(context.Spec.Select, context.Spec.Data.Task, context.Spec.Sweep.Seed, sweepRun, trials, train), ct);
        return StageResult.Succeeded(StageName.Select, $"selected {output.Configuration} ({context.Spec.Select.Metric} = {output.Score:F4})",
            new Dictionary<string, string> { ["best_run_id"] = output.BestRunId, ["sweep_run_id"] = output.SweepRunId });
    }
}
