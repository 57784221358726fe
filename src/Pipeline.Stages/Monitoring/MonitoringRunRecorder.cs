using Pipeline.Stages.Stages;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Records a drift check as a FINISHED run tagged <c>pipeline.role = monitoring</c> in the monitoring experiment (created on
/// first use): the figures as metrics (<see cref="Ml.Drift.DriftAnalysis.Metrics"/>), what was compared as params and
/// tags, the verdict as <c>pipeline.drift.verdict</c>, and the report files as artifacts under <c>drift/</c>.
/// </summary>
public sealed class MonitoringRunRecorder(ITrackingStore store, ArtifactRepositoryRegistry artifacts, TimeProvider time, IEnvironmentVariables environment)
{
    /// <summary>The role of a monitoring run.</summary>
    public const string RoleMonitoring = "monitoring";

    /// <summary>The verdict tag: <c>passed</c>, <c>failed</c>, or <c>none</c> without <c>--fail-on</c>.</summary>
    public const string VerdictTag = "pipeline.drift.verdict";

    /// <summary>Creates the run; returns its id.</summary>
    public async Task<string> RecordAsync(string experiment, DriftReport report, IReadOnlyList<string> files, CancellationToken ct = default)
    {
        var experimentId = await ExperimentIdAsync(experiment, ct);
        var tracking = new TrackingClient(store, artifacts.Open, time, new TrackingClientOptions { Environment = environment, SourceName = "pipeline monitor drift" });
        var model = report.Model;
        var tags = new Dictionary<string, string>
        {
            [PipelineTags.Role] = RoleMonitoring,
            ["pipeline.monitor"] = "drift",
            ["pipeline.model_uri"] = model.Uri,
            [VerdictTag] = report.Verdicts.Count == 0 ? "none" : report.Passed ? "passed" : "failed",
        };
        if (model.Name is { } name)
            tags["pipeline.model_name"] = name;
        if (model.Version is { } version)
            tags["pipeline.model_version"] = version;
        var runName = $"drift-{model.Name ?? "model"}{(model.Version is { } v && model.Name is not null ? $"-v{v}" : "")}";
        await using var run = await tracking.StartRunAsync(experimentId, runName, tags: tags, ct: ct);
        var parameters = new Dictionary<string, string>
        {
            ["log"] = report.LogSource,
            ["since"] = report.Window.Since is { } since ? DriftText.Time(since) : "",
            ["until"] = report.Window.Until is { } until ? DriftText.Time(until) : "",
        };
        if (report.Verdicts.Count > 0)
            parameters["fail_on"] = string.Join("; ", report.Verdicts.Select(x => x.Condition.ToString()));
        await run.LogParamsAsync(parameters, ct);
        await run.LogMetricsAsync(report.Analysis.Metrics(), ct: ct);
        foreach (var file in files)
            await run.LogArtifactAsync(file, "drift", ct);
        await run.EndAsync(ct: ct);
        return run.RunId;
    }

    private async Task<string> ExperimentIdAsync(string name, CancellationToken ct)
    {
        if (await store.GetExperimentByNameAsync(name, ct) is { } existing)
            return existing.ExperimentId;
        try
        {
            return await store.CreateExperimentAsync(name, ct: ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // Another job created it at the same moment: that is the state we wanted.
            return (await store.GetExperimentByNameAsync(name, ct))!.ExperimentId;
        }
    }
}
