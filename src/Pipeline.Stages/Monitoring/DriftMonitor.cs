using System.Text;
using Pipeline.Ml.Drift;
using Pipeline.Stages.Reporting;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// <c>pipeline monitor drift</c>'s work, front-end free: finds the model's training profile, reads the logged inputs of the
/// window, compares them (<see cref="DriftAnalyzer"/>), checks the <c>--fail-on</c> conditions, writes the HTML and
/// Markdown reports (and the GitHub job summary on Actions), and records the figures as a monitoring run when a tracking
/// store is at hand.
/// </summary>
public sealed class DriftMonitor(TimeProvider time, IEnvironmentVariables environment)
{
    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "drift_report.html";

    /// <summary>The Markdown report's file name.</summary>
    public const string MarkdownFileName = "drift_report.md";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the check.</summary>
    /// <param name="check">What to compare.</param>
    /// <param name="backend">The tracking store; required when <see cref="DriftCheck.NeedsStore"/>, else optional (no monitoring run without it).</param>
    /// <param name="ct">Cancels the work.</param>
    /// <exception cref="PipelineException">No profile, no log, no comparable rows, or a condition naming an unknown feature.</exception>
    public async Task<DriftOutcome> RunAsync(DriftCheck check, TrackingBackend? backend, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.NeedsStore && backend is null)
            throw new ArgumentException("A models:/ URI or a tracking log needs the tracking store.", nameof(backend));
        var model = ProfiledModelLocator.NeedsStore(check.Model)
            ? await ProfiledModelLocator.FromStoreAsync(check.Model, backend!.Registry, backend.Store, backend.Artifacts, ct)
            : ProfiledModelLocator.FromDirectory(check.Model);
        var features = model.Profile.Features.Select(f => f.Name).ToArray();
        if (check.FailOn.Select(c => c.UnknownFeature(features)).FirstOrDefault(e => e is not null) is { } unknown)
            throw new DriftConditionException(unknown);

        var selection = new LogSelection(check.Window, model.Name, model.Version, model.Profile.Label.Classes?.Select(c => c.Value).ToArray());
        var rows = check.LogInTracking
            ? await PredictionLogReader.ReadTrackingAsync(backend!.Store, backend.Artifacts, check.LogExperiment, features, selection, ct)
            : await ReadFolderAsync(check.Log, features, selection, ct);
        RequireRows(check, rows);

        var analysis = DriftAnalyzer.Analyze(model.Profile, rows.Sample);
        var verdicts = check.FailOn.Select(c => new DriftVerdict(c, c.Check(analysis))).ToArray();
        var logSource = check.LogInTracking ? $"tracking (experiment {check.LogExperiment})" : Path.GetFullPath(check.Log);
        var report = new DriftReport(model, logSource, check.Window, rows, analysis, verdicts, time.GetUtcNow());

        Directory.CreateDirectory(check.ReportDirectory);
        var html = Path.GetFullPath(Path.Combine(check.ReportDirectory, HtmlFileName));
        var markdown = Path.GetFullPath(Path.Combine(check.ReportDirectory, MarkdownFileName));
        var markdownText = new DriftMarkdownWriter().Write(report);
        await File.WriteAllTextAsync(html, new DriftHtmlWriter().Write(report), Utf8, ct);
        await File.WriteAllTextAsync(markdown, markdownText, Utf8, ct);
        var summary = await AppendStepSummaryAsync(markdownText, ct);
        var runId = backend is null ? null
            : await new MonitoringRunRecorder(backend.Store, backend.Artifacts, time, environment).RecordAsync(check.MonitoringExperiment, report, [html, markdown], ct);
        return new DriftOutcome(report, html, markdown, runId, summary);
    }

    private static async Task<LoggedRows> ReadFolderAsync(string folder, IReadOnlyList<string> features, LogSelection selection, CancellationToken ct)
    {
        try
        {
            return await PredictionLogReader.ReadFolderAsync(folder, features, selection, ct);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new PipelineException(e.Message, e);
        }
    }

    private static void RequireRows(DriftCheck check, LoggedRows rows)
    {
        if (rows.Sample.Rows > 0) return;
        var where = check.LogInTracking ? $"the inference runs of experiment '{check.LogExperiment}'" : Path.GetFullPath(check.Log);
        if (rows.HashedOnly > 0)
            throw new PipelineException($"{where} holds only input hashes ({rows.HashedOnly} rows logged with --log-inputs hash): drift needs the input values; serve with --log-inputs full.");
        throw new PipelineException(rows.Lines == 0
            ? $"{where} holds no logged rows{(check.Window == LogWindow.All ? "" : " in the window")} ({rows.Sources} {(check.LogInTracking ? "inference run" : "file")}{(rows.Sources == 1 ? "" : "s")} read)."
            : $"{where} holds no row answered by this model in the window ({rows.Lines} lines: {rows.Refused} refused, {rows.Shadow} shadow, {rows.OtherModels} of other models).");
    }

    /// <summary>On GitHub Actions, appends the Markdown to the step's job summary; other tools may write there too.</summary>
    private async Task<string?> AppendStepSummaryAsync(string markdown, CancellationToken ct)
    {
        if (environment.Get(GitHubCommands.ActionsVariable) != "true" || environment.Get(GitHubCommands.StepSummaryVariable) is not { Length: > 0 } path)
            return null;
        await File.AppendAllTextAsync(path, markdown + "\n", Utf8, ct);
        return path;
    }
}
