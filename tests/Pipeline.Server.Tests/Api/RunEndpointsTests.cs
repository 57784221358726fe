using System.Net;
using System.Text.Json;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

public sealed class RunEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly Infrastructure.Api _api = new(server.Http);

    private async Task<(string Experiment, string Run)> NewRunAsync()
    {
        var exp = (await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"runs-{{Guid.NewGuid():N}}"}""")).GetProperty("experiment_id").GetString()!;
        var run = await _api.OkAsync(HttpMethod.Post, "runs/create",
            $$"""{"experiment_id":"{{exp}}","user_id":"alice","start_time":1700000000000,"run_name":"r1","tags":[{"key":"mlflow.source.type","value":"LOCAL"}]}""");
        return (exp, run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!);
    }

    [Fact]
    public async Task CreateRun_AnswersMlflowRunShape()
    {
        var exp = (await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"shape-{{Guid.NewGuid():N}}"}""")).GetProperty("experiment_id").GetString()!;

        var run = (await _api.OkAsync(HttpMethod.Post, "runs/create", $$"""{"experiment_id":"{{exp}}","user_id":"bob","start_time":"5"}""")).GetProperty("run");

        Assert.Equal(["info", "data", "inputs"], Infrastructure.Api.Fields(run));
        var info = run.GetProperty("info");
        Assert.Equal(["run_uuid", "experiment_id", "run_name", "user_id", "status", "start_time", "artifact_uri", "lifecycle_stage", "run_id"],
            Infrastructure.Api.Fields(info));
        Assert.Equal(5, info.GetProperty("start_time").GetInt64());
        Assert.Equal("RUNNING", info.GetProperty("status").GetString());
        var runId = info.GetProperty("run_id").GetString();
        Assert.Equal($"mlflow-artifacts:/{exp}/{runId}/artifacts", info.GetProperty("artifact_uri").GetString());
    }

    [Fact]
    public async Task LogMetric_NaNAndInfinity_RenderedAsMlflowStrings_HistoryInTimeOrder()
    {
        var (_, run) = await NewRunAsync();

        await _api.OkAsync(HttpMethod.Post, "runs/log-metric", $$"""{"run_id":"{{run}}","key":"loss","value":"NaN","timestamp":10,"step":2}""");
        await _api.OkAsync(HttpMethod.Post, "runs/log-metric", $$"""{"run_id":"{{run}}","key":"loss","value":"-Infinity","timestamp":11,"step":3}""");
        await _api.OkAsync(HttpMethod.Post, "runs/log-metric", $$"""{"run_uuid":"{{run}}","key":"loss","value":0.5,"timestamp":9,"step":1}""");

        var history = (await _api.OkAsync(HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=loss")).GetProperty("metrics");
        Assert.Equal(["key", "value", "timestamp", "step"], Infrastructure.Api.Fields(history[0]));
        Assert.Equal(0.5, history[0].GetProperty("value").GetDouble());
        Assert.Equal("NaN", history[1].GetProperty("value").GetString());
        Assert.Equal("-Infinity", history[2].GetProperty("value").GetString());
        var latest = (await _api.OkAsync(HttpMethod.Get, $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data").GetProperty("metrics")[0];
        Assert.Equal("-Infinity", latest.GetProperty("value").GetString());
    }

    [Fact]
    public async Task GetHistory_MaxResultsAndPageToken_PageAsMlflow_BadPageSizeIs400()
    {
        var (_, run) = await NewRunAsync();
        var metrics = string.Join(",", Enumerable.Range(0, 5).Select(i => $$"""{"key":"loss","value":{{i}},"timestamp":{{100 + i}},"step":{{i}}}"""));
        await _api.OkAsync(HttpMethod.Post, "runs/log-batch", $$"""{"run_id":"{{run}}","metrics":[{{metrics}}]}""");

        var first = await _api.OkAsync(HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=loss&max_results=2");
        Assert.Equal(2, first.GetProperty("metrics").GetArrayLength());
        var token = first.GetProperty("next_page_token").GetString();
        var second = await _api.OkAsync(HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=loss&max_results=3&page_token={Uri.EscapeDataString(token!)}");
        Assert.Equal([2.0, 3.0, 4.0], second.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("value").GetDouble()));
        Assert.False(second.TryGetProperty("next_page_token", out _));
        var whole = await _api.OkAsync(HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=loss");
        Assert.Equal(5, whole.GetProperty("metrics").GetArrayLength());
        Assert.False(whole.TryGetProperty("next_page_token", out _));

        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=loss&max_results=0");
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=loss&page_token=zz");
    }

    [Fact]
    public async Task LogParamSetTagDeleteTagLogBatchLogInputs_ShowInGetRun()
    {
        var (_, run) = await NewRunAsync();

        await _api.OkAsync(HttpMethod.Post, "runs/log-parameter", $$"""{"run_id":"{{run}}","key":"C","value":"1.0"}""");
        await _api.OkAsync(HttpMethod.Post, "runs/set-tag", $$"""{"run_id":"{{run}}","key":"gone","value":"x"}""");
        await _api.OkAsync(HttpMethod.Post, "runs/delete-tag", $$"""{"run_id":"{{run}}","key":"gone"}""");
        await _api.OkAsync(HttpMethod.Post, "runs/log-batch",
            $$"""{"run_id":"{{run}}","metrics":[{"key":"auc","value":0.9,"timestamp":1,"step":0}],"params":[{"key":"solver","value":"lbfgs"}],"tags":[{"key":"team","value":"ml"}]}""");
        await _api.OkAsync(HttpMethod.Post, "runs/log-inputs",
            $$"""{"run_id":"{{run}}","datasets":[{"tags":[{"key":"mlflow.data.context","value":"training"}],"dataset":{"name":"iris","digest":"abc","source_type":"local","source":"/d.csv","schema":"s"} }]}""");

        var got = (await _api.OkAsync(HttpMethod.Get, $"runs/get?run_id={run}")).GetProperty("run");
        var data = got.GetProperty("data");
        Assert.Equal(["metrics", "params", "tags"], Infrastructure.Api.Fields(data));
        Assert.Equal(["C", "solver"], data.GetProperty("params").EnumerateArray().Select(p => p.GetProperty("key").GetString()).Order());
        Assert.DoesNotContain(data.GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "gone");
        var input = got.GetProperty("inputs").GetProperty("dataset_inputs")[0];
        Assert.Equal(["tags", "dataset"], Infrastructure.Api.Fields(input));
        Assert.Equal(["name", "digest", "source_type", "source", "schema"], Infrastructure.Api.Fields(input.GetProperty("dataset")));
    }

    [Fact]
    public async Task Logging_Errors_StatusAndCode()
    {
        var (_, run) = await NewRunAsync();
        await _api.OkAsync(HttpMethod.Post, "runs/log-parameter", $$"""{"run_id":"{{run}}","key":"p","value":"1"}""");

        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-parameter", $$"""{"run_id":"{{run}}","key":"p","value":"2"}""");
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Post, "runs/log-metric",
            """{"run_id":"0123456789abcdef0123456789abcdef","key":"m","value":1,"timestamp":1}""");
        var missing = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-metric", $$"""{"run_id":"{{run}}","key":"m","value":1}""");
        Assert.Contains("'timestamp'", missing);
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/set-tag",
            $$"""{"run_id":"{{run}}","key":"{{new string('k', 251)}}","value":"v"}""");
        var tooMany = string.Join(',', Enumerable.Range(0, 1001).Select(i => $$"""{"key":"m{{i}}","value":1,"timestamp":1,"step":0}"""));
        var limit = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-batch", $$"""{"run_id":"{{run}}","metrics":[{{tooMany}}]}""");
        Assert.Contains("at most 1000 metrics", limit);
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-metric", $$"""{"run_id":"{{run}}","key":"m","value":"abc","timestamp":1}""");
    }

    [Fact]
    public async Task UpdateDeleteRestoreSearch_RunLifecycle()
    {
        var (exp, run) = await NewRunAsync();
        await _api.OkAsync(HttpMethod.Post, "runs/log-metric", $$"""{"run_id":"{{run}}","key":"auc","value":0.8,"timestamp":1}""");

        var info = (await _api.OkAsync(HttpMethod.Post, "runs/update", $$"""{"run_id":"{{run}}","status":"FINISHED","end_time":1700000000500}""")).GetProperty("run_info");
        Assert.Equal(("FINISHED", 1700000000500L), (info.GetProperty("status").GetString(), info.GetProperty("end_time").GetInt64()));
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/update", $$"""{"run_id":"{{run}}","status":"DONE"}""");

        var found = await _api.OkAsync(HttpMethod.Post, "runs/search",
            $$"""{"experiment_ids":["{{exp}}"],"filter":"metrics.auc > 0.5 and attributes.status = 'FINISHED'","order_by":["metrics.auc DESC"],"max_results":10}""");
        Assert.Equal(run, found.GetProperty("runs")[0].GetProperty("info").GetProperty("run_id").GetString());
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/search", $$"""{"experiment_ids":["{{exp}}"],"filter":"metrics.auc >> 1"}""");

        await _api.OkAsync(HttpMethod.Post, "runs/delete", $$"""{"run_id":"{{run}}"}""");
        var none = await _api.OkAsync(HttpMethod.Post, "runs/search", $$"""{"experiment_ids":["{{exp}}"]}""");
        Assert.False(none.TryGetProperty("runs", out _));
        var deleted = await _api.OkAsync(HttpMethod.Post, "runs/search", $$"""{"experiment_ids":["{{exp}}"],"run_view_type":"DELETED_ONLY"}""");
        Assert.Equal(1, deleted.GetProperty("runs").GetArrayLength());
        await _api.OkAsync(HttpMethod.Post, "runs/restore", $$"""{"run_id":"{{run}}"}""");
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Get, "runs/get?run_id=0123456789abcdef0123456789abcdef");
    }

    [Fact]
    public async Task ArtifactsList_RunFilesThroughTheProxy_PathsRelativeToRunRoot()
    {
        var (exp, run) = await NewRunAsync();
        using (var put = await server.Http.PutAsync($"api/2.0/mlflow-artifacts/artifacts/{exp}/{run}/artifacts/plots/roc.png", new ByteArrayContent([1, 2, 3])))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var root = await _api.OkAsync(HttpMethod.Get, $"artifacts/list?run_id={run}");
        Assert.Equal($"mlflow-artifacts:/{exp}/{run}/artifacts", root.GetProperty("root_uri").GetString());
        Assert.Equal("""[{"path":"plots","is_dir":true}]""", root.GetProperty("files").GetRawText());
        var plots = await _api.OkAsync(HttpMethod.Get, $"artifacts/list?run_id={run}&path=plots");
        Assert.Equal("""[{"path":"plots/roc.png","is_dir":false,"file_size":3}]""", plots.GetProperty("files").GetRawText());
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Get, $"artifacts/list?run_id={run}&path=../../other");
    }

    [Fact]
    public async Task LogMetric_ConcurrentWithOneBadKey_OnlyTheBadRequestFails_AllGoodOnesCommitted()
    {
        var (_, run) = await NewRunAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => _api.PostAsync("runs/log-metric",
            $$"""{"run_id":"{{run}}","key":"{{(i == 17 ? "bad/../key" : "m")}}","value":{{i}},"timestamp":{{i}},"step":{{i}}}""")));

        Assert.Equal(63, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal("INVALID_PARAMETER_VALUE", Assert.Single(answers, a => a.Status != HttpStatusCode.OK).Body.GetProperty("error_code").GetString());
        var history = (await _api.OkAsync(HttpMethod.Get, $"metrics/get-history?run_id={run}&metric_key=m")).GetProperty("metrics");
        Assert.Equal(63, history.GetArrayLength());
    }
}
