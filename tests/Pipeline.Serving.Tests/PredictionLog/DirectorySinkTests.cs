using System.Net.Http.Headers;
using System.Text;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.PredictionLog;
using Pipeline.Serving.Tests.Infrastructure;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary>The prediction log to a folder of JSON Lines files, with real traffic through Kestrel on 127.0.0.1.</summary>
public sealed class DirectorySinkTests : IDisposable
{
    private readonly string _folder = PredictionLogFiles.NewFolder();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        else if (File.Exists(_folder))
            File.Delete(_folder);
    }

    private static Task<ScoringTestServer> StartAsync(PredictionLogOptions log) =>
        ScoringTestServer.StartAsync(
            new TestModelLoader(new SumThresholdTestModel(SumThresholdTestModel.DefaultSchema, version: "breast-cancer/3")),
            new ScoringServerOptions { Port = 0, EnginePoolSize = 2, PredictionLog = log });

    private static async Task<HttpResponseMessage> PostAsync(ScoringTestServer server, string body, string? requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (requestId is not null)
            request.Headers.Add("X-Request-Id", requestId);
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task RealTraffic_StopFlushes_OneLinePerRowWithIdInputsPredictionLatencyAndStatus()
    {
        var server = await StartAsync(new PredictionLogOptions { Target = _folder });
        for (var i = 0; i < 20; i++)
        {
            using var ok = await PostAsync(server, $$$"""{"dataframe_split": {"columns": ["x", "n"], "data": [[{{{i}}}, 1], [{{{i + 0.5}}}, 2]]}}""", $"req-{i}");
            Assert.Equal("req-" + i, ok.Headers.GetValues("X-Request-Id").Single());
            Assert.Equal("3", ok.Headers.GetValues("X-Model-Version").Single());
        }

        using var refused = await PostAsync(server, """{"inputs": {"x": [1], "n": [1], "tag": ["refuse"]}}""", "bad-1");
        using var anonymous = await PostAsync(server, """{"inputs": {"x": [30], "n": [1]}}""", null);
        var generatedId = anonymous.Headers.GetValues("X-Request-Id").Single();
        await server.DisposeAsync(); // stopping writes out what is queued

        var lines = PredictionLogFiles.ReadAll(_folder);
        Assert.Equal(20 * 2 + 1 + 1, lines.Count);
        var row = lines.Single(l => l.GetProperty("request_id").GetString() == "req-12" && l.GetProperty("row").GetInt32() == 1);
        Assert.Equal("breast-cancer", row.GetProperty("model").GetString());
        Assert.Equal("3", row.GetProperty("model_version").GetString());
        Assert.Equal(12.5, row.GetProperty("inputs").GetProperty("x").GetDouble());
        Assert.Equal(2, row.GetProperty("inputs").GetProperty("n").GetInt64());
        Assert.True(row.GetProperty("prediction").GetBoolean()); // 12.5 + 2 > 10
        Assert.Equal(200, row.GetProperty("status").GetInt32());
        Assert.True(row.GetProperty("latency_ms").GetDouble() > 0);
        Assert.True(DateTimeOffset.TryParse(row.GetProperty("time").GetString(), out _));
        var bad = lines.Single(l => l.GetProperty("request_id").GetString() == "bad-1");
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Equal("BAD_REQUEST", bad.GetProperty("error_code").GetString());
        Assert.False(bad.TryGetProperty("prediction", out _));
        Assert.Contains(lines, l => l.GetProperty("request_id").GetString() == generatedId);
    }

    [Fact]
    public async Task HashInputs_ProbabilitiesAsked_LogsShaAndProbabilitiesNotValues()
    {
        var server = await StartAsync(new PredictionLogOptions { Target = _folder, Inputs = "hash" });
        using var first = await PostAsync(server, """{"inputs": {"x": [1], "n": [2]}, "params": {"predict_proba": true}}""", "a");
        using var same = await PostAsync(server, """{"dataframe_split": {"columns": ["n", "x"], "data": [[2, 1.0]]}}""", "b");
        await server.DisposeAsync();

        var lines = PredictionLogFiles.ReadAll(_folder);
        Assert.All(lines, l => Assert.False(l.TryGetProperty("inputs", out _)));
        Assert.Equal(64, lines[0].GetProperty("inputs_sha256").GetString()!.Length);
        Assert.Equal(lines[0].GetProperty("inputs_sha256").GetString(), lines[1].GetProperty("inputs_sha256").GetString());
        Assert.Equal(2, lines.Single(l => l.GetProperty("request_id").GetString() == "a").GetProperty("probabilities").GetArrayLength());
    }

    [Fact]
    public async Task Sample_OneTenth_LogsAboutOneRequestInTenAndIsStickyPerRequestId()
    {
        var server = await StartAsync(new PredictionLogOptions { Target = _folder, Sample = 0.1 });
        for (var i = 0; i < 400; i++)
            (await PostAsync(server, """{"inputs": {"x": [1], "n": [1]}}""", $"s-{i % 200}")).Dispose();
        await server.DisposeAsync();

        var ids = PredictionLogFiles.ReadAll(_folder).Select(l => l.GetProperty("request_id").GetString()).ToList();
        var distinct = ids.Distinct().Count();
        // 200 ids at p = 0.1: mean 20, sd 4.2; 5 sd either side.
        Assert.InRange(distinct, 1, 41);
        Assert.Equal(2 * distinct, ids.Count); // each sampled id was logged both times it came
    }

    [Fact]
    public async Task RotateBySize_SmallLimit_SplitsIntoFilesLosingNoLine()
    {
        var server = await StartAsync(new PredictionLogOptions { Target = _folder, RotateMegabytes = 2.0 / 1024 });
        for (var i = 0; i < 60; i++)
        {
            (await PostAsync(server, """{"inputs": {"x": [1, 2], "n": [1, 2]}}""", $"r-{i}")).Dispose();
            if (i % 10 == 9)
                await Task.Delay(300); // the writer drains every 100 ms: several writes, each past the limit starts a file
        }
        await server.DisposeAsync();

        Assert.True(Directory.GetFiles(_folder, "*.jsonl").Length > 1);
        Assert.Equal(120, PredictionLogFiles.ReadAll(_folder).Count);
    }

    [Fact]
    public async Task SinkDown_ServingGoesOnCountsDroppedRows_AndWritesAgainOnceBack()
    {
        var server = await StartAsync(new PredictionLogOptions { Target = _folder, QueueRows = 5 });
        (await PostAsync(server, """{"inputs": {"x": [1], "n": [1]}}""", "before")).Dispose();
        await WaitForAsync(() => PredictionLogFiles.ReadAll(_folder).Count == 1);
        Directory.Delete(_folder, recursive: true);
        await File.WriteAllTextAsync(_folder, "a file where the log folder was: every write fails");

        for (var i = 0; i < 50; i++)
        {
            using var response = await PostAsync(server, """{"inputs": {"x": [1], "n": [1]}}""", $"down-{i}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        var dropped = PredictionLogFiles.Metric(await server.Client.GetStringAsync("/metrics"), "scoring_prediction_log_dropped_rows_total");
        Assert.True(dropped >= 1, "a full queue drops rows");
        await WaitForAsync(async () => PredictionLogFiles.Metric(await server.Client.GetStringAsync("/metrics"), "scoring_prediction_log_sink_errors_total") >= 1);
        await WaitForAsync(() => server.Logs.Entries.Any(e => e.Message.Contains("prediction log dropped", StringComparison.Ordinal)));

        File.Delete(_folder);
        Directory.CreateDirectory(_folder);
        await server.DisposeAsync();
        var after = PredictionLogFiles.ReadAll(_folder);
        // Every row is accounted for: written once the folder was back (the batch in hand and the queue), or dropped.
        Assert.Equal(50, after.Count + (int)dropped);
        Assert.All(after, l => Assert.StartsWith("down-", l.GetProperty("request_id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_LogFolderIsAFile_RefusesToStartNamingIt()
    {
        await File.WriteAllTextAsync(_folder, "not a folder");

        var error = await Assert.ThrowsAsync<ScoringStartupException>(() => StartAsync(new PredictionLogOptions { Target = _folder }));

        Assert.Contains($"--log-predictions '{_folder}' is not a folder it can write to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValues_NameEachSwitch()
    {
        var problems = new PredictionLogOptions { Target = "x", Inputs = "raw", Sample = 0, QueueRows = 0 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("--log-inputs must be full or hash", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--log-sample must be a share", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--log-queue-rows must be at least 1", StringComparison.Ordinal));
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }

        Assert.Fail("the condition did not come true in 10 s");
    }
}
