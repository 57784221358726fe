using System.Text;
using Pipeline.Stages.Stages;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Reproduction;

public sealed partial class RunReproducer
{
    /// <summary>
    /// Records the reproduction as a run in the reproduced run's experiment, so auditors see it next to the original:
    /// tags <c>pipeline.reproduces</c> and the verdict, the counts as metrics, the report as an artifact. Returns its id,
    /// or null when even that failed (the verdict still stands; a warning says why).
    /// </summary>
    private async Task<string?> RecordAsync(ITrackingStore store, ArtifactRepositoryRegistry artifacts, RecordedRun recorded, ReproductionReport report, CancellationToken ct)
    {
        try
        {
            var tracking = new TrackingClient(store, artifacts.Open, time, new TrackingClientOptions
            {
                Environment = _environment,
                SourceName = "pipeline reproduce",
            });
            await using var run = await tracking.StartRunAsync(recorded.Run.Info.ExperimentId, $"reproduce-{recorded.RunId[..8]}", tags: new Dictionary<string, string>
            {
                [PipelineTags.Role] = RoleReproduction,
                [ReproducesTag] = recorded.RunId,
                [VerdictTag] = ReproductionReport.TagValue(report.Verdict),
                ["pipeline.reproduction.commit"] = recorded.Commit,
            }, ct: ct);
            if (report.Verdict != ReproductionVerdict.Error)
                await run.LogMetricsAsync(new Dictionary<string, double>
                {
                    ["reproduction.compared"] = report.Compared,
                    ["reproduction.differences"] = report.Differences.Count,
                }, ct: ct);
            await run.LogTextAsync(ToMarkdown(report), ReportArtifact, ct);
            await run.EndAsync(report.Verdict == ReproductionVerdict.Error ? RunStatus.Failed : RunStatus.Finished, ct);
            reporter.Info($"Recorded the reproduction as run {run.RunId} ({VerdictTag} = {ReproductionReport.TagValue(report.Verdict)}).");
            return run.RunId;
        }
        catch (Exception e) when (e is TrackingException or IOException or HttpRequestException)
        {
            reporter.Warning($"the reproduction could not be recorded as a run: {e.Message}");
            return null;
        }
    }

    /// <summary>The report as Markdown: verdict, environment differences, excluded keys and the table of differences.</summary>
    public static string ToMarkdown(ReproductionReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Reproduction of run {report.RunId}: {ReproductionReport.TagValue(report.Verdict)}").AppendLine();
        if (report.Error is not null)
            text.AppendLine(report.Error).AppendLine();
        else
            text.AppendLine($"{report.Compared} params and metrics compared, {report.Differences.Count} differ.").AppendLine();
        if (report.EnvironmentDifferences.Count > 0)
        {
            text.AppendLine("## Environment differences").AppendLine();
            foreach (var note in report.EnvironmentDifferences) text.AppendLine($"- {note}");
            text.AppendLine();
        }

        if (report.Excluded.Count > 0)
        {
            text.AppendLine("## Not compared exactly").AppendLine();
            foreach (var note in report.Excluded) text.AppendLine($"- {note}");
            text.AppendLine();
        }

        if (report.Differences.Count > 0)
        {
            text.AppendLine("## Differences").AppendLine().AppendLine("| kind | key | original | reproduced |").AppendLine("| --- | --- | --- | --- |");
            foreach (var d in report.Differences)
                text.AppendLine($"| {d.Kind} | {d.Key} | {d.Original ?? "(missing)"} | {d.Reproduced ?? "(missing)"} |");
        }

        return text.ToString();
    }
}
