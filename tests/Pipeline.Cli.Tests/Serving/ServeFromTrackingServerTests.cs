using System.Diagnostics;
using Pipeline.Server.Hosting;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Cli.Tests.Serving;

/// <summary>
/// Issue 9's reproduction: a model registered on our tracking server with proxied artifacts (<c>mlflow-artifacts:/</c>)
/// served by <c>MLFLOW_TRACKING_URI=http://... pipeline serve models:/name@champion</c>, the built CLI as a process.
/// </summary>
public sealed class ServeFromTrackingServerTests
{
    private const string ModelName = "served-from-server";

    [Fact]
    public async Task Serve_ModelsUriOnTrackingServerWithProxiedArtifacts_ServesTheVersion()
    {
        var root = Path.Combine(Path.GetTempPath(), $"pipeline-cli-serve-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            await using var server = await TrackingServerHost.StartAsync(new TrackingServerOptions
            {
                BackendStoreUri = "sqlite:///" + Path.Combine(root, "server.db"),
                ArtifactsDestination = Path.Combine(root, "server-artifacts"),
                Port = 0,
                LogRequests = false,
            });
            var trackingUri = server.BaseUri.ToString().TrimEnd('/');
            await RegisterModelAsync(root, trackingUri);
            var port = FreeTcpPort.Next();

            using var serve = StartServe(root, trackingUri, port);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                Assert.Equal($"{ModelName}/1", await PollVersionAsync(http, serve));
            }
            finally
            {
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // The stages run in-process (as Cake and MSBuild run them) with the tracking server named only by the environment.
    private static async Task RegisterModelAsync(string root, string trackingUri)
    {
        var repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CliProcess.DllPath)!, "..", "..", "..", "..", ".."));
        File.Copy(Path.Combine(repository, "data", "breast_cancer.csv"), Path.Combine(root, "breast_cancer.csv"));
        var pipeline = Path.Combine(root, "pipeline.yaml");
        await File.WriteAllTextAsync(pipeline, $$"""
            experiment: served-from-server
            data: { path: breast_cancer.csv, label: target, task: binary_classification, test_fraction: 0.2, seed: 42 }
            sweep:
              strategy: grid
              cv_folds: 2
              search_space:
                - trainer: lbfgs_logistic_regression
                  params: { C: [1.0] }
            select: { metric: roc_auc, direction: maximize }
            model: { name: {{ModelName}}, alias: champion }
            """);
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = trackingUri });
        var runner = new PipelineRunner(new SilentStageReporter(), TimeProvider.System, environment);
        foreach (var stage in new[] { StageName.InitStore, StageName.PrepareData, StageName.Sweep, StageName.Select, StageName.Evaluate, StageName.Package })
        {
            var result = await runner.RunAsync(stage, new StageOptions(pipeline, OutputDirectory: Path.Combine(root, "out")));
            Assert.True(result.Outcome is StageOutcome.Succeeded or StageOutcome.Skipped, $"{stage}: {result.Summary}");
        }

        Assert.False(File.Exists(Path.Combine(root, "mlruns.db")), "the stages used the tracking server, not a local store");
    }

    private static Process StartServe(string root, string trackingUri, int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var argument in new[] { CliProcess.DllPath, "serve", $"models:/{ModelName}@champion", "--port", port.ToString() })
            info.ArgumentList.Add(argument);
        info.Environment["MLFLOW_TRACKING_URI"] = trackingUri;
        return Process.Start(info)!;
    }

    private static async Task<string> PollVersionAsync(HttpClient http, Process serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (serve.HasExited)
                Assert.Fail($"pipeline serve exited with {serve.ExitCode}: {await serve.StandardError.ReadToEndAsync()}");
            try
            {
                return await http.GetStringAsync("/version");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("pipeline serve did not answer /version within 90 s");
    }
}
