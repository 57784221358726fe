using Pipeline.Stages.Tests.Spec;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>Runs <c>tests/browser/check-report.mjs</c> with node against a report file.</summary>
internal static class BrowserCheck
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "browser");

    public static string? MissingPrerequisite()
    {
        if (!File.Exists(ChromiumPath))
            return $"chromium not found at {ChromiumPath}";
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")))
            return "tests/browser/node_modules/playwright-core is missing";
        if (FindOnPath("node") is null)
            return "node is not on PATH";
        return null;
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
