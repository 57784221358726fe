using System.Diagnostics;
using Pipeline.Stages.Running;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Stages.Tests.Spec;

namespace Pipeline.Stages.Tests.Hosting;

/// <summary>
/// build/build.cake run by the pinned Cake, as ./build.sh runs it: the stages loaded by <c>#r</c> from .tools/pipeline
/// into Cake's process, where their dependencies are resolved at first use.
/// </summary>
public sealed class CakeFrontEndTests
{
    [CakeFact]
    public async Task Sweep_WithParallelTreeTrials_LoadsItsDependenciesInEveryFreshCakeProcess()
    {
        // Given a pipeline whose trials (FastTree, LightGBM) load their libraries first from 4 threads at once
        await using var workspace = PipelineWorkspace.Create("diabetes", yaml => yaml.Replace("parallelism: 2", "parallelism: 4", StringComparison.Ordinal));

        // When Cake runs the stages through Sweep three times, each a new process loading everything for the first time
        for (var run = 0; run < 3; run++)
        {
            var result = await RunCakeAsync("--target=Sweep", $"--pipeline={workspace.PipelinePath}", $"--output={workspace.OutputDirectory}", "--force");

            // Then every run succeeds, with no assembly that failed to load
            Assert.True(result.ExitCode == 0, $"run {run + 1} exited {result.ExitCode}:\n{result.Output}");
            Assert.DoesNotContain("Could not load file or assembly", result.Output);
            Assert.Matches(@"Sweep finished: (\d+) of \1 trials complete;", result.Output);
        }
    }

    [CakeFact]
    public async Task AStageOnACorruptedStore_FailsWithOneLineAndExitCode1()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await File.WriteAllTextAsync(workspace.DatabasePath, "this is not a database, it is a text file that is long enough to hold a header....");

        var result = await RunCakeAsync("--target=InitStore", $"--pipeline={workspace.PipelinePath}", $"--output={workspace.OutputDirectory}");

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains($"InitStore: the tracking store {workspace.TrackingUri} cannot be used: SQLite Error 26: 'file is not a database'", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [CakeFact]
    public async Task AnUnknownArgument_IsRefusedNamingTheClosestKnownOne()
    {
        var result = await RunCakeAsync("--pipline=pipelines/wine.yaml");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown argument --pipline (did you mean --pipeline?)", result.Output);
    }

    private sealed record CakeResult(int ExitCode, string Output);

    private static async Task<CakeResult> RunCakeAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The script cache as build.sh sets it, in a folder of the tests' own so no run of build.sh is disturbed.
            Environment =
            {
                ["CAKE_SETTINGS_ENABLESCRIPTCACHE"] = "true",
                ["CAKE_PATHS_CACHE"] = Path.Combine(RepositoryRoot.Path, ".tools", "cake-cache-tests"),
                ["NO_COLOR"] = "1",
            },
        };
        foreach (var argument in (string[])["cake", "build/build.cake", .. arguments])
            info.ArgumentList.Add(argument);
        info.Environment.Remove("MLFLOW_TRACKING_URI");
        info.Environment.Remove("GITHUB_ACTIONS");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return new CakeResult(process.ExitCode, await output + await error);
    }
}
