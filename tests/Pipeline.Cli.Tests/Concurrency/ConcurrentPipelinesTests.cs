using System.Diagnostics;
using System.Net.Sockets;
using Pipeline.Cli.Tests.Stores;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Tests.Concurrency;

/// <summary>
/// Issue 10 §3: eight whole pipelines (<c>pipeline run --force</c>, half naming an execution id, half not) started at once
/// in one folder on one store all succeed; every registered version's source is the sweep of the execution that
/// registered it; every smoke test checked its own server; no server is left running.
/// </summary>
public sealed class ConcurrentPipelinesTests
{
    private const int Pipelines = 8;

    [Fact]
    public Task EightConcurrentPipelines_OnSqlite_EachServesAndChecksItsOwnModel() => RunAsync("sqlite");

    [PostgresFact]
    public Task EightConcurrentPipelines_OnPostgres_EachServesAndChecksItsOwnModel() => RunAsync("postgres");

    private static async Task RunAsync(string kind)
    {
        // Given an empty folder with a tiny pipeline, on a fresh store
        await using var backend = await CliBackend.StartAsync(kind);
        PipelineFolder.Write(backend.Folder);

        // When eight whole pipelines start at once
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, Pipelines).Select(i =>
        {
            string[] arguments = ["run", "--force", "--pipeline", "pipeline.yaml", "--tracking-uri", backend.Uri];
            return PipelineFolder.Start(backend.Folder, PipelineFolder.Environment(),
                i % 2 == 0 ? [.. arguments, "--execution-id", $"ci-build-{i}"] : arguments);
        }).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        foreach (var (process, _) in processes)
            await process.WaitForExitAsync(timeout.Token);
        var elapsed = clock.Elapsed;

        // Then all succeed
        var failed = processes.Where(p => p.Process.ExitCode != 0).Select(p => $"exit {p.Process.ExitCode}:\n{p.Output()}").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count}/{Pipelines} pipelines failed ({kind}, {elapsed.TotalSeconds:F0} s):\n{string.Join("\n----\n", failed)}");

        // And each registered version's source is the sweep of the execution (pipeline run) that registered and served it
        var versions = (await backend.Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{PipelineFolder.ModelName}'"))).Items;
        Assert.Equal(Pipelines, versions.Count);
        var pipelineRuns = new HashSet<string>();
        var urls = new HashSet<string>();
        foreach (var version in versions)
        {
            var sweep = await backend.Store.GetRunAsync(version.RunId!);
            Assert.Equal("sweep", sweep.Data.Tag("pipeline.role"));
            Assert.Contains(sweep.Info.RunId, version.Source, StringComparison.Ordinal);
            var pipelineRun = await backend.Store.GetRunAsync(sweep.Data.Tag(SystemTags.ParentRunId)!);
            Assert.True(pipelineRuns.Add(pipelineRun.Info.RunId), $"two versions came from pipeline run {pipelineRun.Info.RunId}");
            Assert.NotNull(pipelineRun.Data.Tag("pipeline.execution_id"));
            // The execution served the version it registered, and its smoke test passed against that server.
            Assert.Equal($"models:/{PipelineFolder.ModelName}/{version.Version}", pipelineRun.Data.Tag("pipeline.serve.model_uri"));
            Assert.StartsWith("passed", pipelineRun.Data.Tag("pipeline.smoke"), StringComparison.Ordinal);
            Assert.True(urls.Add(pipelineRun.Data.Tag("pipeline.serve.url")!), "two executions served on one URL");
            Assert.Equal("stopped", pipelineRun.Data.Tag("pipeline.serve.state"));

            // And nothing is left running: the server process is gone and its port closed.
            var pid = int.Parse(pipelineRun.Data.Tag("pipeline.serve.pid")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(IsRunning(pid), $"the scoring server {pid} of {pipelineRun.Info.RunId} is still running");
            Assert.False(await AcceptsAsync(new Uri(pipelineRun.Data.Tag("pipeline.serve.url")!)), "a scoring server still listens");
        }
        Assert.All(processes, p => p.Process.Dispose());
        // The two named execution ids are on their pipeline runs; the others made up their own.
        var executionIds = new List<string>();
        foreach (var id in pipelineRuns)
            executionIds.Add((await backend.Store.GetRunAsync(id)).Data.Tag("pipeline.execution_id")!);
        Assert.Equal(Pipelines, executionIds.Distinct().Count());
        Assert.Equal(Pipelines / 2, executionIds.Count(e => e.StartsWith("ci-build-", StringComparison.Ordinal)));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> AcceptsAsync(Uri url)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(url.Host, url.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
