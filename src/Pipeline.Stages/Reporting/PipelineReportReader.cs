using System.Text.Json;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// Gathers a <see cref="PipelineReport"/> from the tracking store and artifacts for the latest run of the pipeline
/// file: the same runs the stages find (by role and pipeline-file tags), so the report shows what the next stage
/// would build on. Parts whose stage has not run are left out; nothing here writes to the store.
/// </summary>
public sealed partial class PipelineReportReader(ITrackingStore store, IModelRegistry registry, ArtifactRepositoryRegistry artifacts, TimeProvider time)
{
    /// <summary>Reads the report for the stage context's pipeline file and store.</summary>
    public static Task<PipelineReport> ReadAsync(StageContext context, CancellationToken ct = default) =>
        new PipelineReportReader(context.Store, context.Registry, context.Artifacts, context.Time).ReadAsync(context.Spec, ct, context.Options.ExecutionId);

    /// <summary>
    /// Reads the report for <paramref name="spec"/>'s experiment and pipeline file: of execution <paramref name="executionId"/>
    /// when it has a pipeline run (so concurrent executions each report their own), else of the latest pipeline run.
    /// </summary>
    public async Task<PipelineReport> ReadAsync(Spec.PipelineSpec spec, CancellationToken ct = default, string? executionId = null)
    {
        var pipelineFile = RunLocator.PipelineFileTag(spec.SourcePath);
        var report = new PipelineReport(spec.Experiment, pipelineFile, time.GetUtcNow());
        var experiment = await store.GetExperimentByNameAsync(spec.Experiment, ct);
        if (experiment is null || experiment.LifecycleStage != LifecycleStage.Active)
            return report;
        var locator = new RunLocator(store, experiment.ExperimentId, pipelineFile);
        var pipelineRun = executionId is null ? null : (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId],
            $"tags.`{PipelineTags.Role}` = '{PipelineTags.RolePipeline}' and tags.`{PipelineTags.ExecutionId}` = '{executionId.Replace("'", "''", StringComparison.Ordinal)}'",
            MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), ct)).Items.FirstOrDefault();
        pipelineRun ??= await locator.LatestAsync(PipelineTags.RolePipeline, null, ct);
        if (pipelineRun is null)
            return report;
        report = report with
        {
            PipelineRunId = pipelineRun.Info.RunId,
            Dataset = Dataset(pipelineRun),
            Serving = Serving(pipelineRun),
            Git = Git(pipelineRun),
            Environment = await EnvironmentAsync(pipelineRun, ct),
        };

        var sweepRun = await locator.LatestAsync(PipelineTags.RoleSweep, pipelineRun.Info.RunId, ct);
        if (sweepRun is null)
            return report;
        var trials = await locator.ChildrenAsync(sweepRun.Info.RunId, PipelineTags.RoleTrial, ct);
        report = report with { Sweep = Sweep(spec, sweepRun, trials) };

        var evaluation = await locator.LatestAsync(PipelineTags.RoleEvaluation, pipelineRun.Info.RunId, ct);
        // An evaluation of an earlier sweep says nothing about the current winner.
        if (evaluation is not null && evaluation.Data.Tag(PipelineTags.EvaluatedRunId) == sweepRun.Info.RunId)
            report = report with { Evaluation = await EvaluationAsync(spec, evaluation, ct) };
        return report with { Model = await ModelVersionAsync(spec.Model.Name, sweepRun.Info.RunId, ct) };
    }

    /// <summary>
    /// The serving facts of the pipeline run: its <c>pipeline.serve.*</c> and <c>pipeline.smoke*</c> tags and the smoke
    /// test's <c>smoke.*</c> latency metrics. Once the endpoint is stopped, its process and container ids are history,
    /// not something to connect to, so they are left out.
    /// </summary>
    private static List<KeyValuePair<string, string>> Serving(Run pipelineRun)
    {
        var stopped = pipelineRun.Data.Tag(ServePrefix + "state") == "stopped";
        var tags = pipelineRun.Data.Tags
            .Where(t => t.Key.StartsWith(ServePrefix, StringComparison.Ordinal) || t.Key.StartsWith(SmokePrefix, StringComparison.Ordinal) || t.Key == "pipeline.smoke"
                        || t.Key.StartsWith(ImagePrefix, StringComparison.Ordinal))
            .Where(t => !stopped || t.Key is not (ServePrefix + "pid" or ServePrefix + "container_id"))
            .Select(t => KeyValuePair.Create(t.Key, t.Value));
        var metrics = pipelineRun.Data.Metrics.Where(m => m.Key.StartsWith("smoke.", StringComparison.Ordinal))
            .Select(m => KeyValuePair.Create(m.Key, m.Key.EndsWith("_ms", StringComparison.Ordinal) ? $"{ReportFormat.Number(m.Value)} ms" : ReportFormat.Number(m.Value)));
        return tags.Concat(metrics).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Tag prefixes of the serving stages' results on the pipeline run.</summary>
    public const string ServePrefix = "pipeline.serve.";
    public const string SmokePrefix = "pipeline.smoke.";
    /// <summary>The pushed image and its digest (<c>pipeline.image</c>, <c>pipeline.image.digest</c>, ...).</summary>
    public const string ImagePrefix = "pipeline.image";

    private static ReportGit? Git(Run run)
    {
        var tags = run.Data;
        var commit = tags.Tag(SystemTags.GitCommit);
        var branch = tags.Tag(SystemTags.GitBranch);
        var url = tags.Tag(SystemTags.GitRepoUrl);
        var dirty = tags.Tag(Tracking.Runs.RunContextTagNames.GitDirty);
        if (commit is null && branch is null && url is null && dirty is null)
            return null;
        return new ReportGit(commit, branch, dirty is null ? null : dirty == "true", url);
    }

    private async Task<EnvironmentSnapshot?> EnvironmentAsync(Run run, CancellationToken ct)
    {
        try
        {
            await using var stream = await artifacts.Open(run.Info.ArtifactUri).OpenReadAsync(EnvironmentSnapshotJson.ArtifactPath, ct);
            using var reader = new StreamReader(stream);
            return EnvironmentSnapshotJson.Deserialize(await reader.ReadToEndAsync(ct));
        }
        catch (Exception e) when (e is TrackingException or JsonException or IOException)
        {
            // A run logged without the snapshot (or by another client) still gets a report, without that part.
            return null;
        }
    }

    private async Task<ReportEvaluation> EvaluationAsync(Spec.PipelineSpec spec, Run evaluation, CancellationToken ct)
    {
        var plots = await PlotsAsync(evaluation, ct);
        var verdict = evaluation.Data.Tag(PipelineTags.GateVerdict);
        return new ReportEvaluation(
            evaluation.Info.RunId,
            OrderedMetrics(spec, evaluation),
            Gates(spec, evaluation),
            verdict is null ? null : verdict == "passed",
            plots);
    }

    private async Task<IReadOnlyList<ReportPlot>> PlotsAsync(Run evaluation, CancellationToken ct)
    {
        var plots = new List<ReportPlot>();
        try
        {
            var repository = artifacts.Open(evaluation.Info.ArtifactUri);
            var pngs = (await repository.ListAsync(null, ct)).Where(e => !e.IsDir && e.Path.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
            foreach (var entry in pngs.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                await using var stream = await repository.OpenReadAsync(entry.Path, ct);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                plots.Add(new ReportPlot(Path.GetFileName(entry.Path), buffer.ToArray()));
            }
        }
        catch (Exception e) when (e is TrackingException or IOException)
        {
            // Artifacts this process cannot reach (an unregistered scheme, a removed folder): the metrics still report.
        }
        return plots;
    }

    private async Task<ReportModelVersion?> ModelVersionAsync(string modelName, string sweepRunId, CancellationToken ct)
    {
        var versions = await registry.SearchModelVersionsAsync(new ModelVersionQuery(
            $"name = '{Quote(modelName)}' and run_id = '{sweepRunId}'", MaxResults: 1, OrderBy: ["version_number DESC"]), ct);
        return versions.Items.FirstOrDefault() is { } v ? new ReportModelVersion(v.Name, v.Version, v.Aliases, v.Source) : null;
    }

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
