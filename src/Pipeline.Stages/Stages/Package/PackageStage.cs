using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Package;

/// <summary>What package reads: the model section, the selected model and the data it was trained and evaluated on.</summary>
public sealed record PackageInput(
    ModelSpec Model, TaskKind Task, Run SweepRun, Run EvaluationRun, string ModelFile,
    IReadOnlyList<double> ClassValues, DataTable Train, DataTable Test, string PipelineVersion);

/// <summary>The registered version, the alias now naming it, and the URIs that load it.</summary>
public sealed record PackageOutput(string ModelName, long Version, string Alias, string ModelArtifactUri)
{
    public string VersionUri => $"models:/{ModelName}/{Version}";

    public string AliasUri => $"models:/{ModelName}@{Alias}";
}

/// <summary>
/// Writes the selected model in MLflow's model directory format (MLmodel, model file, signature, input example,
/// environment, the training split's profile for drift checks, manifest) as the <c>model</c> artifact of the sweep run that produced it, registers it as a new
/// version and moves the declared alias to it. As MLflow's <c>log_model</c>, it records the model in the run's
/// <c>mlflow.log-model.history</c> tag and registers the run's artifact location (not the <c>runs:/</c> URI) as the
/// version's source. A model whose evaluation failed a gate is never packaged.
/// </summary>
public sealed class PackageStage(ITrackingStore tracking, IModelRegistry registry, ArtifactRepositoryRegistry artifacts, IStageReporter reporter)
{
    /// <summary>The artifact path of the model directory on the sweep run.</summary>
    public const string ModelArtifact = "model";

    public async Task<PackageOutput> RunAsync(PackageInput input, CancellationToken ct = default)
    {
        var sweepId = input.SweepRun.Info.RunId;
        var evaluation = input.EvaluationRun;
        if (evaluation.Data.Tag(PipelineTags.EvaluatedRunId) != sweepId)
            throw new PipelineException($"Package: the latest evaluation ({evaluation.Info.RunId}) is not of the selected model of sweep run {sweepId}: run the Evaluate stage first.");
        if (evaluation.Data.Tag(PipelineTags.GateVerdict) != "passed")
            throw new PipelineException($"Package: the selected model failed its gates in evaluation run {evaluation.Info.RunId}; it is not packaged.");

        using var scratch = new ScratchFolder("package");
        var directory = Path.Combine(scratch.Path, ModelArtifact);
        var mlmodel = new ModelPackager().Package(input.ModelFile, input.Train.Schema, input.Task, input.ClassValues,
            input.Test, directory, new ModelPackageOptions { RunId = sweepId, PipelineVersion = input.PipelineVersion, Training = input.Train });
        var repository = artifacts.Open(input.SweepRun.Info.ArtifactUri);
        await repository.DeleteAsync(ModelArtifact, ct);
        await repository.LogDirectoryAsync(directory, ModelArtifact, ct);
        reporter.Info($"Wrote the MLflow model directory ({mlmodel.ModelSizeBytes} bytes, model_uuid {mlmodel.ModelUuid}) as artifact '{ModelArtifact}' of run {sweepId}.");
        await RecordLoggedModelAsync(sweepId, mlmodel, ct);

        await EnsureRegisteredModelAsync(input.Model.Name, ct);
        var description = $"{input.SweepRun.Data.Tag(PipelineTags.BestConfiguration)}; evaluated in run {evaluation.Info.RunId}";
        // MLflow's register_model stores a runs:/ URI's underlying artifact location as the source.
        var source = Pipeline.Tracking.Artifacts.ArtifactUri.Parse(input.SweepRun.Info.ArtifactUri).Append(ModelArtifact).ToString();
        var version = await registry.CreateModelVersionAsync(input.Model.Name, source, sweepId,
            [
                new RegistryTag("pipeline.evaluation_run_id", evaluation.Info.RunId),
                new RegistryTag("pipeline.model_uuid", mlmodel.ModelUuid ?? ""),
            ],
            description: description, ct: ct);
        await registry.SetRegisteredModelAliasAsync(input.Model.Name, input.Model.Alias, version.Version, ct);
        reporter.Info($"Registered {input.Model.Name} version {version.Version}; alias '{input.Model.Alias}' now points to it.");
        return new PackageOutput(input.Model.Name, version.Version, input.Model.Alias, source);
    }

    private async Task RecordLoggedModelAsync(string runId, Ml.Models.MlModel model, CancellationToken ct)
    {
        var run = await tracking.GetRunAsync(runId, ct);
        var value = Ml.Models.LoggedModelHistory.Append(run.Data.Tag(SystemTags.LoggedModels), model);
        try
        {
            await tracking.LogBatchAsync(runId, [], [], [new RunTag(SystemTags.LoggedModels, value)], ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.InvalidParameterValue)
        {
            // MLflow also only warns when the history no longer fits a tag value: the model itself is logged.
            reporter.Warning($"Could not record the model in run {runId}'s {SystemTags.LoggedModels} tag: {e.Message}");
        }
    }

    private async Task EnsureRegisteredModelAsync(string name, CancellationToken ct)
    {
        try
        {
            await registry.GetRegisteredModelAsync(name, ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            try
            {
                await registry.CreateRegisteredModelAsync(name, ct: ct);
            }
            catch (TrackingException again) when (again.Code == ErrorCode.ResourceAlreadyExists)
            {
                // Another job registered it between the two calls: that is the state we wanted.
            }
        }
    }

    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
