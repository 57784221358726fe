using System.Net;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

public sealed class ExperimentEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly Infrastructure.Api _api = new(server.Http);

    private async Task<string> CreateAsync(string name) =>
        (await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"{{name}}","tags":[{"key":"team","value":"ml"}]}"""))
        .GetProperty("experiment_id").GetString()!;

    [Fact]
    public async Task Create_ThenGet_MlflowShapeWithProxyArtifactLocation()
    {
        var id = await CreateAsync("shape-" + Guid.NewGuid().ToString("N"));

        var experiment = (await _api.OkAsync(HttpMethod.Get, $"experiments/get?experiment_id={id}")).GetProperty("experiment");

        Assert.Equal(["experiment_id", "name", "artifact_location", "lifecycle_stage", "last_update_time", "creation_time", "tags"],
            Infrastructure.Api.Fields(experiment));
        Assert.Equal($"mlflow-artifacts:/{id}", experiment.GetProperty("artifact_location").GetString());
        Assert.Equal("active", experiment.GetProperty("lifecycle_stage").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, experiment.GetProperty("creation_time").ValueKind);
        Assert.Equal("ml", experiment.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task GetByName_Unknown_404ResourceDoesNotExist()
    {
        var name = "byname-" + Guid.NewGuid().ToString("N");
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Get, $"experiments/get-by-name?experiment_name={name}");
        var id = await CreateAsync(name);

        var found = await _api.OkAsync(HttpMethod.Get, $"experiments/get-by-name?experiment_name={name}");
        Assert.Equal(id, found.GetProperty("experiment").GetProperty("experiment_id").GetString());
    }

    [Fact]
    public async Task Create_Errors_MappedAsMlflowMapsThem()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N");
        await CreateAsync(name);

        await _api.ErrorAsync(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS", HttpMethod.Post, "experiments/create", $$"""{"name":"{{name}}"}""");
        var missing = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/create", "{}");
        Assert.Contains("Missing value for required parameter 'name'", missing);
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST", HttpMethod.Post, "experiments/create", "{not json");
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Get, "experiments/get?experiment_id=987654");
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Get, "experiments/get");
    }

    [Fact]
    public async Task UpdateDeleteRestoreSetTag_ChangeTheExperiment()
    {
        var id = await CreateAsync("life-" + Guid.NewGuid().ToString("N"));
        var renamed = "renamed-" + Guid.NewGuid().ToString("N");

        Assert.Empty(Infrastructure.Api.Fields(await _api.OkAsync(HttpMethod.Post, "experiments/update", $$"""{"experiment_id":"{{id}}","new_name":"{{renamed}}"}""")));
        await _api.OkAsync(HttpMethod.Post, "experiments/set-experiment-tag", $$"""{"experiment_id":"{{id}}","key":"k","value":"v"}""");
        await _api.OkAsync(HttpMethod.Post, "experiments/delete", $$"""{"experiment_id":"{{id}}"}""");
        var deleted = (await _api.OkAsync(HttpMethod.Get, $"experiments/get?experiment_id={id}")).GetProperty("experiment");
        Assert.Equal((renamed, "deleted"), (deleted.GetProperty("name").GetString(), deleted.GetProperty("lifecycle_stage").GetString()));
        Assert.Contains(deleted.GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "k");

        await _api.OkAsync(HttpMethod.Post, "experiments/restore", $$"""{"experiment_id":"{{id}}"}""");
        var restored = (await _api.OkAsync(HttpMethod.Get, $"experiments/get?experiment_id={id}")).GetProperty("experiment");
        Assert.Equal("active", restored.GetProperty("lifecycle_stage").GetString());
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Post, "experiments/delete", """{"experiment_id":"424242"}""");
    }

    [Fact]
    public async Task Search_PostAndGet_PageWithToken()
    {
        var prefix = "search-" + Guid.NewGuid().ToString("N");
        foreach (var s in new[] { "a", "b", "c" })
            await CreateAsync($"{prefix}-{s}");

        var first = await _api.OkAsync(HttpMethod.Post, "experiments/search", """{"max_results":2,"order_by":["creation_time DESC"],"view_type":"ALL"}""");
        Assert.Equal(2, first.GetProperty("experiments").GetArrayLength());
        var token = first.GetProperty("next_page_token").GetString()!;
        var viaGet = await _api.OkAsync(HttpMethod.Get, $"experiments/search?max_results=2&order_by=creation_time%20DESC&view_type=ALL&page_token={Uri.EscapeDataString(token)}");
        Assert.True(viaGet.GetProperty("experiments").GetArrayLength() >= 1);
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/search", """{"max_results":0}""");
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/search", """{"view_type":"SOME"}""");
    }

    [Fact]
    public async Task Search_Filter_PostAndGet_MatchMlflowsExperimentGrammar()
    {
        var prefix = "filtered-" + Guid.NewGuid().ToString("N");
        foreach (var s in new[] { "train", "eval" })
            await CreateAsync($"{prefix}-{s}");

        var posted = await _api.OkAsync(HttpMethod.Post, "experiments/search", $$"""{"filter":"name LIKE '{{prefix}}-t%'"}""");
        var viaGet = await _api.OkAsync(HttpMethod.Get, $"experiments/search?filter={Uri.EscapeDataString($"name = '{prefix}-eval'")}");

        Assert.Equal([$"{prefix}-train"], posted.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal([$"{prefix}-eval"], viaGet.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/search", """{"filter":"status = 'x'"}""");
    }

    [Fact]
    public async Task AjaxApiPrefix_ServesTheSameApi_UnknownEndpointIs404()
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Get, "ajax-api/2.0/mlflow/experiments/get?experiment_id=0");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Default", body.GetProperty("experiment").GetProperty("name").GetString());

        await _api.ErrorAsync(HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND", HttpMethod.Get, "experiments/nothing-here");
    }
}
