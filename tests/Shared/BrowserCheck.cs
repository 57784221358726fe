using System.Diagnostics;

namespace Pipeline.Tests.Shared;

/// <summary>
/// Runs a check script of <c>tests/browser</c> (playwright-core driving Debian's chromium) with node. Linked into each
/// test project that checks a page in a real browser (the HTML report, the tracking server's dashboard).
/// </summary>
internal static class BrowserCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Folder => Path.Combine(RepositoryRoot(), "tests", "browser");

    /// <summary>What is missing to run a check, null when everything is there.</summary>
    public static string? MissingPrerequisite()
    {
        if (!File.Exists(ChromiumPath))
            return $"chromium not found at {ChromiumPath}";
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")))
            return "tests/browser/node_modules/playwright-core is missing";
        if ((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).All(dir => !File.Exists(Path.Combine(dir, "node"))))
            return "node is not on PATH";
        return null;
    }

    /// <summary>Runs <paramref name="script"/> (a file in <see cref="Folder"/>) with its arguments; kills it after two minutes.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in {Timeout.TotalMinutes} minutes: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"Pipeline.sln not found above {AppContext.BaseDirectory}");
    }
}
