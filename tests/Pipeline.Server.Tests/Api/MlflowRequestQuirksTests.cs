using System.Net;
using System.Text;
using System.Text.Json;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

/// <summary>Request handling checked against MLflow's handlers.py (_get_request_message and each handler's schema).</summary>
public sealed class MlflowRequestQuirksTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly Infrastructure.Api _api = new(server.Http);

    private async Task<(string Experiment, string Run)> NewRunAsync()
    {
        var exp = (await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"quirks-{{Guid.NewGuid():N}}"}""")).GetProperty("experiment_id").GetString()!;
        var run = await _api.OkAsync(HttpMethod.Post, "runs/create", $$"""{"experiment_id":"{{exp}}","start_time":1}""");
        return (exp, run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!);
    }

    [Fact]
    public async Task LogParamAndSetTag_WithoutValue_StoreEmptyString()
    {
        var (_, run) = await NewRunAsync();

        await _api.OkAsync(HttpMethod.Post, "runs/log-parameter", $$"""{"run_id":"{{run}}","key":"p"}""");
        await _api.OkAsync(HttpMethod.Post, "runs/set-tag", $$"""{"run_id":"{{run}}","key":"t"}""");

        var data = (await _api.OkAsync(HttpMethod.Get, $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data");
        Assert.Equal("", data.GetProperty("params").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "p").GetProperty("value").GetString());
        Assert.Equal("", data.GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "t").GetProperty("value").GetString());
    }

    [Fact]
    public async Task LogBatch_MetricWithoutValue_IsInvalidParameterValueNamingTheElement()
    {
        var (_, run) = await NewRunAsync();

        var message = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-batch",
            $$"""{"run_id":"{{run}}","metrics":[{"key":"a","value":1,"timestamp":1},{"key":"b","timestamp":1}]}""");

        Assert.Contains("'metrics[1].value'", message);
        var data = (await _api.OkAsync(HttpMethod.Get, $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data");
        Assert.False(data.TryGetProperty("metrics", out _));
    }

    [Fact]
    public async Task LogBatch_ParamWithoutKey_IsInvalidParameterValue()
    {
        var (_, run) = await NewRunAsync();

        var message = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-batch",
            $$"""{"run_id":"{{run}}","params":[{"value":"x"}]}""");

        Assert.Contains("'params[0].key'", message);
    }

    [Fact]
    public async Task UpdateExperiment_WithoutNewName_IsInvalidParameterValue()
    {
        var (exp, _) = await NewRunAsync();

        var message = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/update",
            $$"""{"experiment_id":"{{exp}}"}""");

        Assert.Contains("'new_name'", message);
    }

    [Fact]
    public async Task GetWithoutQueryString_ReadsTheJsonBody()
    {
        var (_, run) = await NewRunAsync();

        var answer = await _api.OkAsync(HttpMethod.Get, "runs/get", $$"""{"run_id":"{{run}}"}""");

        Assert.Equal(run, answer.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task RenameRegisteredModel_WithoutNewName_IsInvalidParameterValue()
    {
        var name = $"quirk-model-{Guid.NewGuid():N}";
        await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");

        var message = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "registered-models/rename",
            $$"""{"name":"{{name}}"}""");

        Assert.Contains("'new_name'", message);
    }

    [Fact]
    public async Task RegistryTags_WithoutValue_StoreEmptyString()
    {
        var name = $"quirk-tags-{Guid.NewGuid():N}";
        await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");
        await _api.OkAsync(HttpMethod.Post, "model-versions/create", $$"""{"name":"{{name}}","source":"s3://bucket/model"}""");

        await _api.OkAsync(HttpMethod.Post, "registered-models/set-tag", $$"""{"name":"{{name}}","key":"k"}""");
        await _api.OkAsync(HttpMethod.Post, "model-versions/set-tag", $$"""{"name":"{{name}}","version":"1","key":"k"}""");

        var model = (await _api.OkAsync(HttpMethod.Get, $"registered-models/get?name={name}")).GetProperty("registered_model");
        Assert.Equal("", model.GetProperty("tags")[0].GetProperty("value").GetString());
        var version = (await _api.OkAsync(HttpMethod.Get, $"model-versions/get?name={name}&version=1")).GetProperty("model_version");
        Assert.Equal("1", version.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Number, version.GetProperty("creation_timestamp").ValueKind);
        Assert.Equal("", version.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task DeleteExperimentTag_IsPostAndRemovesTheTag()
    {
        var (exp, _) = await NewRunAsync();
        await _api.OkAsync(HttpMethod.Post, "experiments/set-experiment-tag", $$"""{"experiment_id":"{{exp}}","key":"k","value":"v"}""");

        await _api.OkAsync(HttpMethod.Post, "experiments/delete-experiment-tag", $$"""{"experiment_id":"{{exp}}","key":"k"}""");

        var experiment = (await _api.OkAsync(HttpMethod.Get, $"experiments/get?experiment_id={exp}")).GetProperty("experiment");
        Assert.False(experiment.TryGetProperty("tags", out _));
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Post, "experiments/delete-experiment-tag",
            $$"""{"experiment_id":"{{exp}}","key":"k"}""");
    }
}
