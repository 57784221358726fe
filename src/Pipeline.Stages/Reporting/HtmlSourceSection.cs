using System.Globalization;
using System.Text;
using static Pipeline.Stages.Reporting.HtmlReportWriter;

namespace Pipeline.Stages.Reporting;

/// <summary>The git and environment snapshot of the pipeline run, the loaded assemblies folded away.</summary>
internal static class HtmlSourceSection
{
    public static void Append(StringBuilder html, PipelineReport report)
    {
        var rows = new List<KeyValuePair<string, string>>();
        if (report.Git is { } git)
        {
            Add(rows, "git commit", git.Commit);
            Add(rows, "git branch", git.Branch ?? "(detached HEAD)");
            Add(rows, "uncommitted changes", git.Dirty is { } dirty ? (dirty ? "yes" : "no") : null);
            Add(rows, "repository", git.RepoUrl);
        }
        if (report.Environment is { } env)
        {
            Add(rows, "runtime", $"{env.FrameworkDescription} ({env.RuntimeIdentifier})");
            Add(rows, "operating system", $"{env.OsDescription} ({env.OsArchitecture})");
            Add(rows, "processors", env.ProcessorCount.ToString(CultureInfo.InvariantCulture));
            Add(rows, "machine", env.MachineName);
            Add(rows, "user", env.User);
            Add(rows, "time zone", env.TimeZone);
            Add(rows, "CI", env.Ci is { } ci ? $"{ci.Provider} {ci.BuildId} {ci.BuildUrl}".Trim() : "none");
            Add(rows, "captured at", env.CapturedAt.ToString("u", CultureInfo.InvariantCulture));
        }
        if (rows.Count == 0)
            return;
        KeyValues(html, "Source and environment", rows);
        if (report.Environment is not { Assemblies.Count: > 0 } snapshot)
            return;
        html.AppendLine($"<details><summary>{snapshot.Assemblies.Count} loaded assemblies</summary><table><thead><tr><th>assembly</th><th>version</th></tr></thead><tbody>");
        foreach (var (name, version) in snapshot.Assemblies.OrderBy(a => a.Key, StringComparer.Ordinal))
            html.AppendLine($"<tr><td>{E(name)}</td><td>{E(version.InformationalVersion ?? version.Version)}</td></tr>");
        html.AppendLine("</tbody></table></details>");
    }

    private static void Add(List<KeyValuePair<string, string>> rows, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            rows.Add(KeyValuePair.Create(key, value));
    }
}
