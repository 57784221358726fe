using System.Text.Json;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Evaluate;
using Pipeline.Stages.Stages.Package;
using Pipeline.Stages.Stages.Select;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Running;

/// <summary>Maps the stage context to the evaluate and package stages, finding the selected model in the store.</summary>
public sealed partial class PipelineRunner
{
    /// <summary>This library's version, recorded in every model it packages.</summary>
    public static string PipelineVersion { get; } = Ml.Models.ModelEnvironment.VersionOf(typeof(PipelineRunner).Assembly);

    private async Task<StageResult> EvaluateAsync(StageContext context, CancellationToken ct)
    {
        var selected = await SelectedModel.FindAsync(context, ct);
        var fingerprint = Fingerprint.For(StageName.Evaluate).Add("sweep_run", selected.SweepRun.Info.RunId)
            .Add("model", selected.SweepRun.Data.Tag(PipelineTags.SelectFingerprint)).AddJson("gates", context.Spec.Evaluate.Gates);
        var previous = await selected.Locator.LatestAsync(PipelineTags.RoleEvaluation, selected.PipelineRun.Info.RunId, ct);
        if (IsUnchanged(context, previous, PipelineTags.Fingerprint, fingerprint))
            return SkippedEvaluation(previous!);

        using var scratch = new ScratchFolder("evaluate");
        var files = new RunArtifacts(context.Artifacts);
        var modelFile = await files.DownloadAsync(selected.SweepRun, SelectStage.ModelArtifact, scratch, ct);
        var test = await files.LoadSplitAsync(selected.PipelineRun, PrepareDataStage.TestArtifact, context.Spec.Data, scratch, ct);
        var output = await new EvaluateStage(context.Tracking, reporter).RunAsync(new EvaluateInput(
            context.Spec.Evaluate, modelFile, selected.ClassValues, test, selected.Locator.ExperimentId,
            selected.PipelineRun.Info.RunId, selected.SweepRun.Info.RunId, selected.Locator.PipelineFile,
            TestDataset(selected.PipelineRun)), ct);
        await RecordAsync(context.Store, output.EvaluationRunId, PipelineTags.Fingerprint, fingerprint, ct);
        var outputs = new Dictionary<string, string> { ["evaluation_run_id"] = output.EvaluationRunId };
        if (output.Passed)
            return StageResult.Succeeded(StageName.Evaluate, $"all {output.Gates.Count} gates passed", outputs);
        var failed = string.Join("; ", output.Gates.Where(g => !g.Passed).Select(g => $"gate {g.Gate.Metric} {g}"));
        return new StageResult(StageName.Evaluate, StageOutcome.GateFailed, $"Evaluate: {failed}", outputs);
    }

    private async Task<StageResult> PackageAsync(StageContext context, CancellationToken ct)
    {
        var registry = context.Registry;
        var selected = await SelectedModel.FindAsync(context, ct);
        var evaluation = await selected.Locator.RequireLatestAsync(PipelineTags.RoleEvaluation, selected.PipelineRun.Info.RunId, StageName.Evaluate, ct);
        var fingerprint = Fingerprint.For(StageName.Package).Add("evaluation_run", evaluation.Info.RunId)
            .Add("model", selected.SweepRun.Data.Tag(PipelineTags.SelectFingerprint)).AddJson("registry", context.Spec.Model);
        if (IsUnchanged(context, selected.SweepRun, PipelineTags.PackageFingerprint, fingerprint)
            && await RegisteredVersionAsync(registry, context.Spec.Model, selected.SweepRun.Info.RunId, ct) is { } existing)
        {
            var packaged = new PackageOutput(existing.Name, existing.Version, context.Spec.Model.Alias, $"{selected.SweepRun.Info.ArtifactUri}/{PackageStage.ModelArtifact}");
            foreach (var line in PipelineSummary.Lines(context.Spec, selected.SweepRun, evaluation, packaged))
                reporter.Info(line);
            return Skipped(StageName.Package, selected.SweepRun, PackageOutputs(packaged));
        }

        using var scratch = new ScratchFolder("package");
        var files = new RunArtifacts(context.Artifacts);
        var modelFile = await files.DownloadAsync(selected.SweepRun, SelectStage.ModelArtifact, scratch, ct);
        var train = await files.LoadSplitAsync(selected.PipelineRun, PrepareDataStage.TrainArtifact, context.Spec.Data, scratch, ct);
        var test = await files.LoadSplitAsync(selected.PipelineRun, PrepareDataStage.TestArtifact, context.Spec.Data, scratch, ct);
        var output = await new PackageStage(context.Store, registry, context.Artifacts, reporter).RunAsync(new PackageInput(
            context.Spec.Model, context.Spec.Data.Task, selected.SweepRun, evaluation, modelFile, selected.ClassValues,
            train, test, PipelineVersion), ct);
        await RecordAsync(context.Store, selected.SweepRun.Info.RunId, PipelineTags.PackageFingerprint, fingerprint, ct);
        foreach (var line in PipelineSummary.Lines(context.Spec, selected.SweepRun, evaluation, output))
            reporter.Info(line);
        return StageResult.Succeeded(StageName.Package, $"{output.ModelName} version {output.Version} (alias '{output.Alias}')", PackageOutputs(output));
    }

    /// <summary>The test split's dataset record on the pipeline run (the input PrepareData tagged <c>testing</c>).</summary>
    private static Dataset? TestDataset(Run pipelineRun) =>
        pipelineRun.Inputs.FirstOrDefault(i => i.Tags.Any(t => t.Key == SystemTags.DatasetContext && t.Value == PrepareDataStage.TestingContext))?.Dataset;

    private static Dictionary<string, string> PackageOutputs(PackageOutput output) => new()
    {
        ["model_name"] = output.ModelName,
        ["model_version"] = output.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["model_uri"] = output.AliasUri,
        ["model_artifact_uri"] = output.ModelArtifactUri,
        ["model_directory"] = output.ModelArtifactUri,
    };

    /// <summary>The version the alias names, when it is still a registration of <paramref name="runId"/>: the package result still exists.</summary>
    private static async Task<ModelVersion?> RegisteredVersionAsync(IModelRegistry registry, Spec.ModelSpec model, string runId, CancellationToken ct)
    {
        try
        {
            var version = await registry.GetModelVersionByAliasAsync(model.Name, model.Alias, ct);
            return version.RunId == runId ? version : null;
        }
        catch (Tracking.TrackingException)
        {
            return null;
        }
    }

    /// <summary>An unchanged evaluation still answers with its verdict: a failed gate stays failed until something changes.</summary>
    private StageResult SkippedEvaluation(Run previous)
    {
        var skipped = Skipped(StageName.Evaluate, previous, new() { ["evaluation_run_id"] = previous.Info.RunId });
        if (previous.Data.Tag(PipelineTags.GateVerdict) != "failed")
            return skipped;
        var failed = previous.Data.Tags
            .Where(t => t.Key.StartsWith(PipelineTags.GatePrefix, StringComparison.Ordinal) && t.Value.StartsWith("failed", StringComparison.Ordinal))
            .Select(t => $"gate {t.Key[PipelineTags.GatePrefix.Length..]} {t.Value}");
        return skipped with { Outcome = StageOutcome.GateFailed, Summary = $"{skipped.Summary}; {string.Join("; ", failed)}" };
    }

    /// <summary>The selected model as the store records it: the pipeline run, its sweep run and the training classes.</summary>
    private sealed record SelectedModel(RunLocator Locator, Run PipelineRun, Run SweepRun, IReadOnlyList<double> ClassValues)
    {
        public static async Task<SelectedModel> FindAsync(StageContext context, CancellationToken ct)
        {
            var locator = await RunLocator.ForAsync(context, ct);
            var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
            var sweepRun = await locator.RequireLatestAsync(PipelineTags.RoleSweep, pipelineRun.Info.RunId, StageName.Sweep, ct);
            if (sweepRun.Data.Tag(PipelineTags.BestRunId) is null)
                throw new PipelineException($"Sweep run {sweepRun.Info.RunId} has no selected model yet: run the Select stage first.");
            var classes = JsonSerializer.Deserialize<double[]>(sweepRun.Data.Tag(SelectStage.ClassValuesTag) ?? "[]") ?? [];
            return new SelectedModel(locator, pipelineRun, sweepRun, classes);
        }
    }
}
