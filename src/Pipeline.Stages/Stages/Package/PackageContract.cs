using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Evaluate;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Stages.Stages.Select;
using Pipeline.Tracking;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Package;

/// <summary>
/// Package's contract. Reads: the <c>model:</c> section. Upstream: the selected model, its passed evaluation, both
/// splits. Fingerprint: the evaluation run, the selection's fingerprint, the model section. Leaves: the MLflow model
/// directory on the sweep run and a registry version (<c>model_version</c>, <c>model_uri</c>) with the alias moved to it;
/// with <c>model.promote</c>, <c>to_alias</c> moves too when the new version's evaluation beats its holder's.
/// Skip rule: the sweep run recorded the same fingerprint and the alias still names a version of that run.
/// </summary>
internal sealed class PackageContract : StageContract<PackageUpstream>
{
    /// <summary>This library's version, recorded in every model it packages.</summary>
    public static string PipelineVersion { get; } = Ml.Models.ModelEnvironment.VersionOf(typeof(PackageContract).Assembly);

    /// <inheritdoc/>
    public override StageName Name => StageName.Package;

    /// <inheritdoc/>
    protected override async Task<PackageUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct)
    {
        var registry = context.Registry;
        var selected = await SelectedModel.FindAsync(context, ct);
        var evaluation = await selected.Locator.RequireLatestAsync(PipelineTags.RoleEvaluation, selected.PipelineRun.Info.RunId, StageName.Evaluate, ct);
        return new PackageUpstream(registry, selected, evaluation);
    }

    /// <inheritdoc/>
    protected override Fingerprint FingerprintOf(StageContext context, PackageUpstream upstream) =>
        Fingerprint.For(Name).Add("evaluation_run", upstream.Evaluation.Info.RunId)
            .Add("model", upstream.Selected.SweepRun.Data.Tag(PipelineTags.SelectFingerprint)).AddJson("registry", context.Spec.Model);

    /// <inheritdoc/>
    protected override async Task<StageResult?> ShouldSkipAsync(StageContext context, PackageUpstream upstream, Fingerprint fingerprint, CancellationToken ct)
    {
        var sweepRun = upstream.Selected.SweepRun;
        if (!Matches(sweepRun, PipelineTags.PackageFingerprint, fingerprint)
            || await RegisteredVersionAsync(upstream.Registry, context.Spec.Model, sweepRun.Info.RunId, ct) is not { } existing)
            return null;
        var packaged = new PackageOutput(existing.Name, existing.Version, context.Spec.Model.Alias, $"{sweepRun.Info.ArtifactUri}/{PackageStage.ModelArtifact}");
        foreach (var line in PipelineSummary.Lines(context.Spec, sweepRun, upstream.Evaluation, packaged))
            context.Reporter.Info(line);
        return Skipped(sweepRun, Outputs(packaged));
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PackageUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var selected = upstream.Selected;
        using var scratch = new ScratchFolder("package");
        var files = new RunArtifacts(context.Artifacts);
        var modelFile = await files.DownloadAsync(selected.SweepRun, SelectStage.ModelArtifact, scratch, ct);
        var train = await files.LoadSplitAsync(selected.PipelineRun, PrepareDataStage.TrainArtifact, context.Spec.Data, scratch, ct);
        var test = await files.LoadSplitAsync(selected.PipelineRun, PrepareDataStage.TestArtifact, context.Spec.Data, scratch, ct);
        var output = await new PackageStage(context.Store, upstream.Registry, context.Artifacts, context.Reporter).RunAsync(new PackageInput(
            context.Spec.Model, context.Spec.Data.Task, selected.SweepRun, upstream.Evaluation, modelFile, selected.ClassValues,
            train, test, PipelineVersion), ct);
        await RecordAsync(context, selected.SweepRun.Info.RunId, PipelineTags.PackageFingerprint, fingerprint, ct);
        foreach (var line in PipelineSummary.Lines(context.Spec, selected.SweepRun, upstream.Evaluation, output))
            context.Reporter.Info(line);
        var summary = $"{output.ModelName} version {output.Version} (alias '{output.Alias}')";
        if (context.Spec.Model.Promote is { } promote)
            summary += "; " + await new PackagePromotion(context.Store, context.Registry, context.Reporter, context.Time, context.Environment)
                .PromoteAsync(context.Spec.Model, promote, ct);
        return StageResult.Succeeded(Name, summary, Outputs(output));
    }

    private static Dictionary<string, string> Outputs(PackageOutput output) => new()
    {
        ["model_name"] = output.ModelName,
        ["model_version"] = output.Version.ToString(CultureInfo.InvariantCulture),
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
        catch (TrackingException)
        {
            return null;
        }
    }
}
