using System.Net.Http.Headers;
using System.Text;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;
using Pipeline.Serving.PredictionLog;
using Pipeline.Serving.Tests.Infrastructure;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary>Champion and challenger on one server: the split, its stickiness, shadow mode, and what the log records.</summary>
public sealed class ChallengerTests : IDisposable
{
    private const string Body = """{"inputs": {"x": [4], "n": [1]}}""";
    private readonly string _folder = PredictionLogFiles.NewFolder();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Champion models:/m/1 predicts sum &gt; 10; challenger models:/m/2 predicts sum &gt; 0 (or crashes when asked to).</summary>
    private Task<ScoringTestServer> StartAsync(Action<ScoringServerOptions> configure, IScoringModel? challenger = null)
    {
        var loader = new NamedModelLoader(new Dictionary<string, IScoringModel>
        {
            ["champion"] = new SumThresholdTestModel(SumThresholdTestModel.DefaultSchema, threshold: 10, version: "m/1"),
            ["challenger"] = challenger ?? new SumThresholdTestModel(SumThresholdTestModel.DefaultSchema, threshold: 0, version: "m/2"),
        });
        var options = new ScoringServerOptions
        {
            Port = 0,
            ModelUri = "champion",
            Challenger = "challenger",
            EnginePoolSize = 2,
            PredictionLog = new PredictionLogOptions { Target = _folder },
        };
        configure(options);
        return ScoringTestServer.StartAsync(loader, options);
    }

    private static async Task<(string Version, string Body)> PostAsync(ScoringTestServer server, string? requestId, string body = Body, string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (requestId is not null)
            request.Headers.Add("X-Request-Id", requestId);
        if (user is not null)
            request.Headers.Add("X-User", user);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.GetValues("X-Model-Version").Single(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Split_OneTenth_ChallengerAnswersWithinBinomialBoundAndStaysStickyPerRequestId()
    {
        var server = await StartAsync(o => o.Split = 0.1);
        var versions = new Dictionary<string, string>();
        for (var i = 0; i < 2000; i++)
        {
            var (version, body) = await PostAsync(server, $"user-{i}");
            Assert.Equal(version == "2" ? """{"predictions":[true]}""" : """{"predictions":[false]}""", body);
            versions[$"user-{i}"] = version;
        }

        for (var i = 0; i < 100; i++)
            Assert.Equal(versions[$"user-{i}"], (await PostAsync(server, $"user-{i}")).Version);
        await server.DisposeAsync();

        // n = 2000, p = 0.1: mean 200, sd 13.4; 4.5 sd either side.
        Assert.InRange(versions.Values.Count(v => v == "2"), 140, 260);
        var lines = PredictionLogFiles.ReadAll(_folder);
        Assert.Equal(2100, lines.Count);
        Assert.All(lines, l => Assert.Equal(
            versions[l.GetProperty("request_id").GetString()!] == "2" ? "challenger" : "champion", l.GetProperty("role").GetString()));
        Assert.All(lines, l => Assert.Equal(versions[l.GetProperty("request_id").GetString()!], l.GetProperty("model_version").GetString()));
    }

    [Fact]
    public async Task Split_NamedStickyHeader_OneUserMeetsOneModelWhateverTheRequestId()
    {
        var server = await StartAsync(o => (o.Split, o.StickyHeader) = (0.5, "X-User"));
        for (var user = 0; user < 20; user++)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < 5; i++)
                seen.Add((await PostAsync(server, Guid.NewGuid().ToString("N"), user: $"u{user}")).Version);
            Assert.Single(seen);
        }

        await server.DisposeAsync();
    }

    [Fact]
    public async Task Shadow_ChampionAnswersEveryRequest_LogHoldsBothPredictionsPerRequest()
    {
        var server = await StartAsync(o => o.Shadow = true);
        for (var i = 0; i < 30; i++)
            Assert.Equal(("1", """{"predictions":[false]}"""), await PostAsync(server, $"s-{i}"));
        await server.DisposeAsync();

        var lines = PredictionLogFiles.ReadAll(_folder);
        Assert.Equal(60, lines.Count);
        foreach (var request in lines.GroupBy(l => l.GetProperty("request_id").GetString()))
        {
            var champion = request.Single(l => l.GetProperty("role").GetString() == "champion");
            var shadow = request.Single(l => l.GetProperty("role").GetString() == "shadow");
            Assert.Equal(("1", false), (champion.GetProperty("model_version").GetString(), champion.GetProperty("prediction").GetBoolean()));
            Assert.Equal(("2", true), (shadow.GetProperty("model_version").GetString(), shadow.GetProperty("prediction").GetBoolean()));
        }
    }

    [Fact]
    public async Task Shadow_ChallengerCrashes_ChampionStillAnswersAndTheLogRecordsTheShadowsFailure()
    {
        var server = await StartAsync(o => o.Shadow = true, new CrashingModel());
        Assert.Equal(("1", """{"predictions":[false]}"""), await PostAsync(server, "c-1"));
        await server.DisposeAsync();

        var shadow = PredictionLogFiles.ReadAll(_folder).Single(l => l.GetProperty("role").GetString() == "shadow");
        Assert.Equal(500, shadow.GetProperty("status").GetInt32());
        Assert.Equal("INTERNAL_ERROR", shadow.GetProperty("error_code").GetString());
    }

    [Fact]
    public void Validate_ShadowWithoutChallengerOrSplitOutOfRange_NamesTheSwitch()
    {
        var problems = new ScoringServerOptions { Shadow = true, Split = 1.5 }.Validate();

        Assert.Contains(problems, p => p.Contains("--shadow) needs a challenger", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--split) must be a share from 0 to 1, got 1.5", StringComparison.Ordinal));
    }

    /// <summary>TEST MODEL: a challenger with a bug.</summary>
    private sealed class CrashingModel : IScoringModel
    {
        public Pipeline.Serving.Schema.ScoringSchema InputSchema => SumThresholdTestModel.DefaultSchema;

        public string Version => "m/9";

        public bool SupportsProbabilities => false;

        public IReadOnlyList<object?> Predict(Pipeline.Serving.Batch.ScoringBatch batch, ScoringParams parameters, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("challenger bug");
    }
}
