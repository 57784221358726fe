using System.Text;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// Renders a <see cref="PipelineReport"/> as GitHub-flavoured Markdown: the headline (winner, gates, model, image),
/// the sweep table, test metrics, gate verdicts (✅/❌), serving and source. The same text serves as a GitHub job
/// summary and as <c>summary.md</c> in the output folder.
/// </summary>
public sealed class MarkdownSummaryWriter
{
    public string Write(PipelineReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"## Pipeline `{Code(report.Experiment)}` ({Code(report.PipelineFile)})").AppendLine();
        if (report.PipelineRunId is null)
        {
            md.AppendLine("No pipeline run yet: run the PrepareData stage.");
            return md.ToString();
        }
        Headline(md, report);
        Dataset(md, report.Dataset);
        if (report.Sweep is { } sweep)
            MarkdownSweepTable.Append(md, sweep);
        if (report.Evaluation is { } evaluation)
            Evaluation(md, evaluation);
        if (report.ServingTags.Count > 0)
        {
            md.AppendLine("### Serving").AppendLine().AppendLine("| tag | value |").AppendLine("| --- | --- |");
            foreach (var (key, value) in report.ServingTags)
                md.AppendLine($"| `{Code(key)}` | {Cell(value)} |");
            md.AppendLine();
        }
        Source(md, report);
        return md.ToString();
    }

    private static void Headline(StringBuilder md, PipelineReport report)
    {
        if (report.Sweep?.Winner is { } winner)
            md.AppendLine($"- **Winner:** `{Code(winner.Configuration)}`, cross-validated {report.Sweep.SelectMetric} = {ReportFormat.Number(winner.Score)} (run `{ReportFormat.ShortId(winner.RunId)}`)");
        if (report.Evaluation is { Passed: { } passed } evaluation)
            md.AppendLine($"- **Gates:** {(passed ? "✅ passed" : "❌ failed")} ({evaluation.Gates.Count(g => g.Passed)} of {evaluation.Gates.Count})");
        if (report.Model is { } model)
            md.AppendLine($"- **Model:** `{Code(model.VersionUri)}`" + (model.Aliases.Count > 0 ? $" (alias {string.Join(", ", model.Aliases.Select(a => $"`{Code(a)}`"))})" : ""));
        if (report.ImageTag is { } image)
            md.AppendLine($"- **Image:** `{Code(image)}`");
        md.AppendLine($"- **Pipeline run:** `{report.PipelineRunId}`").AppendLine();
    }

    private static void Dataset(StringBuilder md, ReportDataset? dataset)
    {
        if (dataset is null)
            return;
        md.AppendLine("### Dataset").AppendLine().AppendLine("| name | digest | rows | train | test |").AppendLine("| --- | --- | ---: | ---: | ---: |");
        md.AppendLine($"| {Cell(dataset.Name)} | `{Code(dataset.Digest)}` | {dataset.Rows?.ToString() ?? "-"} | {dataset.TrainRows?.ToString() ?? "-"} | {dataset.TestRows?.ToString() ?? "-"} |").AppendLine();
    }

    private static void Evaluation(StringBuilder md, ReportEvaluation evaluation)
    {
        md.AppendLine($"### Test metrics (evaluation run `{ReportFormat.ShortId(evaluation.RunId)}`)").AppendLine();
        md.AppendLine("| metric | value |").AppendLine("| --- | ---: |");
        foreach (var (name, value) in evaluation.Metrics)
            md.AppendLine($"| {Cell(name)} | {ReportFormat.Number(value)} |");
        md.AppendLine();
        if (evaluation.Gates.Count == 0)
            return;
        md.AppendLine("### Gates").AppendLine().AppendLine("| | gate | verdict |").AppendLine("| --- | --- | --- |");
        foreach (var gate in evaluation.Gates)
            md.AppendLine($"| {(gate.Passed ? "✅" : "❌")} | {Cell(gate.Metric)} | {Cell(gate.Verdict)} |");
        md.AppendLine();
    }

    private static void Source(StringBuilder md, PipelineReport report)
    {
        if (report.Git is null && report.Environment is null)
            return;
        md.AppendLine("### Source").AppendLine();
        if (report.Git is { } git)
            md.AppendLine($"- git: `{Code(git.Commit ?? "?")}` on {Cell(git.Branch ?? "detached HEAD")}{(git.Dirty == true ? " (uncommitted changes)" : "")}{(git.RepoUrl is null ? "" : $", {Cell(git.RepoUrl)}")}");
        if (report.Environment is { } env)
            md.AppendLine($"- {Cell(env.FrameworkDescription)} on {Cell(env.OsDescription)} ({env.RuntimeIdentifier}, {env.ProcessorCount} CPUs){(env.Ci is { } ci ? $", CI {Cell(ci.Provider)}" : "")}");
        md.AppendLine();
    }

    /// <summary>Text safe inside a table cell: one line, pipes escaped, no tag can open (GitHub renders HTML in summaries).</summary>
    internal static string Cell(string text) =>
        ReportFormat.OneLine(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    /// <summary>Text safe inside an inline code span.</summary>
    internal static string Code(string text) => ReportFormat.OneLine(text).Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
