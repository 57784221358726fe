using System.Text;
using System.Text.Json;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// Writes the CI-facing output after a stage: <c>summary.md</c> and <c>report.html</c> in the output folder (so a
/// CI artifact upload always has the latest), and on GitHub Actions the Markdown as the step's job summary plus
/// <c>::error</c>/<c>::warning</c> annotations for what this stage found (failed gates, failed trials).
/// Publishing never fails a stage: a report that cannot be written is a warning.
/// </summary>
public sealed class ReportPublisher(IStageReporter reporter, IEnvironmentVariables environment)
{
    /// <summary>File names inside the output folder.</summary>
    public const string SummaryFileName = "summary.md";
    public const string HtmlFileName = "report.html";

    /// <summary>The output folder: <see cref="StageOptions.OutputDirectory"/>, else <c>out/&lt;experiment&gt;</c>, as a full path.</summary>
    public static string OutputDirectory(StageOptions options, PipelineSpec spec) =>
        Path.GetFullPath(options.OutputDirectory ?? Path.Combine("out", SafeFolderName(spec.Experiment)));

    public async Task<PublishedReports?> PublishAsync(StageContext context, StageResult result, CancellationToken ct = default)
    {
        try
        {
            var report = await PipelineReportReader.ReadAsync(context, ct);
            return await PublishAsync(report, result, OutputDirectory(context.Options, context.Spec), ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrackingException or JsonException)
        {
            reporter.Warning($"Report: not written ({e.Message}).");
            return null;
        }
    }

    /// <summary>Writes an already gathered report after <paramref name="result"/>'s stage.</summary>
    public async Task<PublishedReports> PublishAsync(PipelineReport report, StageResult result, string outputDirectory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var markdown = new MarkdownSummaryWriter().Write(report);
        var summaryPath = Path.Combine(outputDirectory, SummaryFileName);
        var htmlPath = Path.Combine(outputDirectory, HtmlFileName);
        await File.WriteAllTextAsync(summaryPath, markdown, Utf8, ct);
        await File.WriteAllTextAsync(htmlPath, new HtmlReportWriter().Write(report), Utf8, ct);

        string? stepSummary = null;
        if (environment.Get(GitHubCommands.ActionsVariable) == "true")
        {
            stepSummary = environment.Get(GitHubCommands.StepSummaryVariable);
            // GitHub gives every step its own summary file, which other tools in the step append to as well. The runner
            // rewrites its own block after each stage, so a step running several stages shows one up-to-date summary
            // instead of repeats, and whatever else the step wrote stays.
            if (!string.IsNullOrWhiteSpace(stepSummary))
            {
                var existing = File.Exists(stepSummary) ? await File.ReadAllTextAsync(stepSummary, ct) : "";
                await File.WriteAllTextAsync(stepSummary, StepSummaryBlock.Merge(existing, report, markdown), Utf8, ct);
            }
            foreach (var line in Annotations(report, result))
                reporter.Info(line);
        }
        reporter.Info($"Report: {summaryPath}, {htmlPath}{(stepSummary is null ? "" : ", job summary")}.");
        return new PublishedReports(summaryPath, htmlPath, string.IsNullOrWhiteSpace(stepSummary) ? null : stepSummary);
    }

    /// <summary>Annotations for what <paramref name="result"/>'s stage produced, so a rerun of later stages does not repeat them.</summary>
    internal static IEnumerable<string> Annotations(PipelineReport report, StageResult result)
    {
        if (result.Stage == StageName.Sweep && result.Outcome != StageOutcome.Skipped && report.Sweep is { } sweep)
            foreach (var trial in sweep.Trials.Where(t => t.Failed))
                yield return GitHubCommands.Warning($"Trial failed: {trial.Name}", $"{trial.Configuration}: {trial.Error ?? trial.Status.ToString()}");
        if (result.Stage == StageName.Evaluate && result.Outcome == StageOutcome.GateFailed && report.Evaluation is { } evaluation)
            foreach (var gate in evaluation.Gates.Where(g => !g.Passed))
                yield return GitHubCommands.Error($"Gate failed: {gate.Metric}", $"{report.Experiment}: {gate.Verdict} (evaluation run {evaluation.RunId})");
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string SafeFolderName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Append('/').Append('\\').ToHashSet();
        var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()).Trim('.', ' ');
        return safe.Length == 0 ? "pipeline" : safe;
    }
}
