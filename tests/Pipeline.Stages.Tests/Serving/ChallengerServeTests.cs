using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pipeline.Docker;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Stages.Tests.Spec;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>DockerServe with <c>serve.challenger</c>, <c>serve.split</c> and <c>serve.log_predictions</c>, as a local process (no engine).</summary>
[Collection("serving")]
public sealed class ChallengerServeTests(ServedModelStore fixture) : IClassFixture<ServedModelStore>, IDisposable
{
    private static readonly Func<DockerEngine> NoEngine = () => new DockerEngine(new Uri("unix:///tmp/pipeline-no-such-engine.sock"));
    private readonly RecordingReporter _reporter = new();
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"challenger-log-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_log))
            Directory.Delete(_log, recursive: true);
    }

    [Fact]
    public Task ServeWithChallengerSplit_NoEngine_AnswersCarryBothVersions_LogRecordsBoth_SmokeTestChecksTheChampion() =>
        ServeSplitAndCheckAsync(NoEngine, requireDocker: false, ServingTags.ModeProcess);

    [DockerFact]
    public Task ServeWithChallengerSplit_RealEngine_ContainerHoldsBothModels_MountedLogRecordsBoth_SmokeTestChecksTheChampion() =>
        ServeSplitAndCheckAsync(null, requireDocker: true, ServingTags.ModeDocker);

    [Fact]
    public async Task ServeWithLogFolder_NoEngine_SmokeTestStopsTheServer_EveryRowItAnsweredIsInTheLog()
    {
        var serve = new ServeSpec(FreePort(), null) { PortIsExplicit = true, LogPredictions = _log };
        await new ServeStage(fixture.Store, fixture.Registry, fixture.Artifacts, _reporter, TimeProvider.System, NoEngine).RunAsync(
            new ServeInput(new ModelSpec(ServedModelStore.ModelName, "champion"), serve, await fixture.PipelineRunAsync(), RepositoryRoot.Path, false),
            CancellationToken.None);

        var input = new SmokeTestInput(await fixture.PipelineRunAsync(), fixture.Served, fixture.Test, false);
        var output = await new SmokeTestStage(fixture.Store, _reporter, TimeProvider.System).RunAsync(input, CancellationToken.None);

        // The stage stopped the server (SIGTERM), which wrote out its queue before exiting: nothing to wait for. Rows answered:
        // the input example, the sample in every format and once more with probabilities, and one row per latency request;
        // the one request SmokeTest makes to be refused is logged as one line with its error code.
        var lines = Directory.GetFiles(_log, "*.jsonl").SelectMany(File.ReadAllLines).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var answered = fixture.Served.ReadInputExample()!.Rows.Count + output.RowsChecked * (SmokeRequests.Formats.Count + 1) + input.LatencyRequests;
        Assert.Equal(answered, lines.Count(l => !l.TryGetProperty("error_code", out _)));
        Assert.Single(lines, l => l.TryGetProperty("error_code", out _));
        Assert.Contains(_reporter.Lines, l => l.StartsWith("Stopped server process", StringComparison.Ordinal));
    }

    private async Task ServeSplitAndCheckAsync(Func<DockerEngine>? engine, bool requireDocker, string mode)
    {
        var serve = new ServeSpec(FreePort(), null)
        {
            PortIsExplicit = true,
            Challenger = $"models:/{ServedModelStore.ModelName}@challenger",
            Split = 0.5,
            LogPredictions = _log,
        };
        var served = await new ServeStage(fixture.Store, fixture.Registry, fixture.Artifacts, _reporter, TimeProvider.System, engine).RunAsync(
            new ServeInput(new ModelSpec(ServedModelStore.ModelName, "champion"), serve, await fixture.PipelineRunAsync(), RepositoryRoot.Path, requireDocker),
            CancellationToken.None);

        Assert.Equal(mode, served.Mode);
        Assert.Equal($"models:/{ServedModelStore.ModelName}/2", (await fixture.PipelineRunAsync()).Data.Tag(ServingTags.ChallengerUri));
        var body = SmokeRequests.Build(fixture.Test, fixture.Served.FeatureColumns, [0, 1], "dataframe_split").Body;
        var answeredBy = new Dictionary<string, string>();
        using (var http = new HttpClient { BaseAddress = served.Url })
        {
            for (var i = 0; i < 40; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(body, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Request-Id", $"caller-{i}");
                using var response = await http.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                answeredBy[$"caller-{i}"] = response.Headers.GetValues("X-Model-Version").Single();
            }

            // /version stays the champion's.
            Assert.Equal($"{ServedModelStore.ModelName}/1", await http.GetStringAsync("/version"));
        }

        // n = 40, p = 0.5: both sides answer (the chance that one never does is 2e-12).
        Assert.Equal(["1", "2"], answeredBy.Values.Distinct().Order());
        var lines = await WaitForLinesAsync(80);
        Assert.All(lines, l => Assert.Equal(answeredBy[l.GetProperty("request_id").GetString()!], l.GetProperty("model_version").GetString()));
        Assert.All(lines, l => Assert.Equal(l.GetProperty("model_version").GetString() == "2" ? "challenger" : "champion", l.GetProperty("role").GetString()));

        // Half the requests reach the challenger (a different model), yet SmokeTest pins itself to the champion and passes.
        await new SmokeTestStage(fixture.Store, _reporter, TimeProvider.System).RunAsync(
            new SmokeTestInput(await fixture.PipelineRunAsync(), fixture.Served, fixture.Test, false, LatencyRequests: 20), CancellationToken.None);
        Assert.Equal("passed", (await fixture.PipelineRunAsync()).Data.Tag(ServingTags.SmokeVerdict));
        Assert.Contains(_reporter.Lines, l => l.Contains("checking the champion (version 1)", StringComparison.Ordinal));
    }

    /// <summary>The log's lines once the background writer has written at least <paramref name="count"/> of them.</summary>
    private async Task<List<JsonElement>> WaitForLinesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var lines = Directory.Exists(_log)
                ? Directory.GetFiles(_log, "*.jsonl").SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList()
                : [];
            if (lines.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, lines.Count);
                return lines;
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
