using System.Diagnostics;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// Publishes the scoring server for linux-x64 into a cache folder named by a hash of its inputs (the sources and
/// project files of the server and the libraries it builds on, and the build props), so an unchanged server is
/// published once: self-contained for the minimal base, framework-dependent for a configured base image, whose own
/// ASP.NET Core runtime then runs it (as for the installed tool's server). Used when the pipeline is inside this
/// repository's checkout; elsewhere the installed tool's copy of the server is used (<see cref="InstalledServer"/>).
/// </summary>
internal sealed class ServerPublisher(string repositoryRoot, IStageReporter reporter)
{
    private static readonly string[] Inputs = ["src/Pipeline.Serving", "src/Pipeline.Ml", "src/Pipeline.Tracking"];

    /// <summary>The checkout above <paramref name="start"/> (the folder with <c>src/Pipeline.Serving</c>); null outside one.</summary>
    public static string? TryFindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "Pipeline.Serving", "Pipeline.Serving.csproj")))
                return dir.FullName;
        }

        return null;
    }

    public static string CacheFolder(string repositoryRoot) => Path.Combine(repositoryRoot, ".cache", "pipeline");

    /// <summary>The published server, publishing first when its inputs changed.</summary>
    /// <param name="frameworkDependent">Publish without the runtime (run as <c>dotnet Pipeline.Serving.dll</c>) for a
    /// base image that has .NET; false: a self-contained executable.</param>
    /// <param name="ct">Cancels the publish.</param>
    public async Task<ServerLayout> PublishAsync(bool frameworkDependent, CancellationToken ct)
    {
        var hash = InputHash();
        var folder = Path.Combine(CacheFolder(repositoryRoot), "serving-publish", hash[..16] + (frameworkDependent ? "-fd" : ""));
        var entryPoint = ServerLayout.ServerName + (frameworkDependent ? ".dll" : "");
        var layout = new ServerLayout(folder, folder, entryPoint, frameworkDependent);
        if (File.Exists(Path.Combine(folder, entryPoint)))
        {
            reporter.Info($"Scoring server unchanged: reusing {folder}");
            return layout;
        }

        reporter.Info($"Publishing the scoring server ({(frameworkDependent ? "framework-dependent" : "self-contained")}, linux-x64) to {folder}");
        await StagedFolder.PublishAsync(folder, entryPoint, staging => RunPublishAsync(frameworkDependent, staging, ct)).ConfigureAwait(false);
        return layout;
    }

    private async Task RunPublishAsync(bool frameworkDependent, string output, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", Path.Combine(repositoryRoot, "src", "Pipeline.Serving", "Pipeline.Serving.csproj"), "-c", "Release",
                "-r", "linux-x64", frameworkDependent ? "--no-self-contained" : "--self-contained", "-p:InvariantGlobalization=true", "-o", output, "--nologo",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repositoryRoot,
        };
        using var process = Process.Start(start) ?? throw new PipelineException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', ((await stdout) + (await error)).Split('\n').TakeLast(30));
            throw new PipelineException($"Publishing the scoring server failed (exit code {process.ExitCode}):\n{tail}");
        }
    }

    private string InputHash()
    {
        var files = Inputs.SelectMany(d => Directory.EnumerateFiles(Path.Combine(repositoryRoot, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(repositoryRoot, f)).Where(File.Exists))
            .Select(f => Path.GetRelativePath(repositoryRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var fingerprint = new Fingerprint().Add("serving-publish", "2");
        foreach (var file in files)
            fingerprint.AddFile(file, Path.Combine(repositoryRoot, file));
        return fingerprint.Value;
    }
}
