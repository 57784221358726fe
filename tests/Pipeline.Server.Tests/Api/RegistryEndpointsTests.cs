using System.Net;
using System.Text.Json;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

public sealed class RegistryEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly Infrastructure.Api _api = new(server.Http);

    [Fact]
    public async Task RegisteredModelAndVersions_FullLifecycle_MlflowShapesAndMethods()
    {
        var name = "model-" + Guid.NewGuid().ToString("N");
        var created = (await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}","description":"d","tags":[{"key":"t","value":"1"}]}"""))
            .GetProperty("registered_model");
        Assert.Equal(["name", "creation_timestamp", "last_updated_timestamp", "description", "tags"], Infrastructure.Api.Fields(created));

        var version = (await _api.OkAsync(HttpMethod.Post, "model-versions/create", $$"""{"name":"{{name}}","source":"runs:/abc/model","run_id":"abc"}"""))
            .GetProperty("model_version");
        Assert.Equal("1", version.GetProperty("version").GetString());
        Assert.Equal(["name", "version", "creation_timestamp", "last_updated_timestamp", "current_stage", "source", "run_id", "status"],
            Infrastructure.Api.Fields(version).Where(f => f != "user_id").ToArray());
        Assert.Equal(("None", "READY"), (version.GetProperty("current_stage").GetString(), version.GetProperty("status").GetString()));

        await _api.OkAsync(HttpMethod.Post, "registered-models/alias", $$"""{"name":"{{name}}","alias":"champion","version":"1"}""");
        var byAlias = (await _api.OkAsync(HttpMethod.Get, $"registered-models/alias?name={name}&alias=champion")).GetProperty("model_version");
        Assert.Equal("champion", byAlias.GetProperty("aliases")[0].GetString());
        var model = (await _api.OkAsync(HttpMethod.Get, $"registered-models/get?name={name}")).GetProperty("registered_model");
        Assert.Equal("""[{"alias":"champion","version":"1"}]""", model.GetProperty("aliases").GetRawText());
        Assert.Equal("1", model.GetProperty("latest_versions")[0].GetProperty("version").GetString());

        await _api.OkAsync(HttpMethod.Patch, "model-versions/update", $$"""{"name":"{{name}}","version":"1","description":"better"}""");
        await _api.OkAsync(HttpMethod.Post, "model-versions/set-tag", $$"""{"name":"{{name}}","version":"1","key":"k","value":"v"}""");
        var got = (await _api.OkAsync(HttpMethod.Get, $"model-versions/get?name={name}&version=1")).GetProperty("model_version");
        Assert.Equal("better", got.GetProperty("description").GetString());
        Assert.Equal("""[{"key":"k","value":"v"}]""", got.GetProperty("tags").GetRawText());
        await _api.OkAsync(HttpMethod.Delete, "model-versions/delete-tag", $$"""{"name":"{{name}}","version":"1","key":"k"}""");
        var uri = await _api.OkAsync(HttpMethod.Get, $"model-versions/get-download-uri?name={name}&version=1");
        Assert.False(string.IsNullOrEmpty(uri.GetProperty("artifact_uri").GetString()));
        var search = await _api.OkAsync(HttpMethod.Get, $"model-versions/search?filter={Uri.EscapeDataString($"name = '{name}'")}");
        Assert.Equal(1, search.GetProperty("model_versions").GetArrayLength());
        var latest = await _api.OkAsync(HttpMethod.Post, "registered-models/get-latest-versions", $$"""{"name":"{{name}}"}""");
        Assert.Equal(1, latest.GetProperty("model_versions").GetArrayLength());

        await _api.OkAsync(HttpMethod.Post, "registered-models/set-tag", $$"""{"name":"{{name}}","key":"x","value":"y"}""");
        await _api.OkAsync(HttpMethod.Delete, "registered-models/delete-tag", $$"""{"name":"{{name}}","key":"x"}""");
        await _api.OkAsync(HttpMethod.Patch, "registered-models/update", $$"""{"name":"{{name}}","description":"new"}""");
        var models = await _api.OkAsync(HttpMethod.Get, $"registered-models/search?filter={Uri.EscapeDataString($"name = '{name}'")}&max_results=5");
        Assert.Equal("new", models.GetProperty("registered_models")[0].GetProperty("description").GetString());

        await _api.OkAsync(HttpMethod.Delete, "registered-models/alias", $$"""{"name":"{{name}}","alias":"champion"}""");
        await _api.OkAsync(HttpMethod.Delete, "model-versions/delete", $$"""{"name":"{{name}}","version":"1"}""");
        var renamed = name + "-r";
        var afterRename = (await _api.OkAsync(HttpMethod.Post, "registered-models/rename", $$"""{"name":"{{name}}","new_name":"{{renamed}}"}""")).GetProperty("registered_model");
        Assert.Equal(renamed, afterRename.GetProperty("name").GetString());
        await _api.OkAsync(HttpMethod.Delete, "registered-models/delete", $$"""{"name":"{{renamed}}"}""");
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Get, $"registered-models/get?name={renamed}");
    }

    [Fact]
    public async Task Registry_Errors_StatusAndCode()
    {
        var name = "err-" + Guid.NewGuid().ToString("N");
        await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");

        await _api.ErrorAsync(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS", HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");
        await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Get, $"model-versions/get?name={name}&version=7");
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Get, $"model-versions/get?name={name}&version=abc");
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Get, $"registered-models/alias?name={name}&alias=none");
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "registered-models/create", "{}");
        // A known path with the wrong method names no endpoint.
        await _api.ErrorAsync(HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND", HttpMethod.Get, "registered-models/delete");
    }

    [Fact]
    public async Task TransitionStage_MlflowRequestAndResponseShape_StatusCodes()
    {
        var name = "stage-" + Guid.NewGuid().ToString("N");
        await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");
        for (var i = 0; i < 3; i++)
            await _api.OkAsync(HttpMethod.Post, "model-versions/create", $$"""{"name":"{{name}}","source":"s3://b/{{i}}"}""");

        // The body MLflow's client sends: version as a string, the stage as typed, archive_existing_versions a JSON bool.
        var body = await _api.OkAsync(HttpMethod.Post, "model-versions/transition-stage",
            $$"""{"name":"{{name}}","version":"1","stage":"staging","archive_existing_versions":false}""");
        Assert.Equal(["model_version"], Infrastructure.Api.Fields(body));
        var moved = body.GetProperty("model_version");
        Assert.Equal(["name", "version", "creation_timestamp", "last_updated_timestamp", "current_stage", "source", "status"],
            Infrastructure.Api.Fields(moved).Where(f => f != "user_id").ToArray());
        Assert.Equal(("1", "Staging"), (moved.GetProperty("version").GetString(), moved.GetProperty("current_stage").GetString()));
        Assert.Equal(JsonValueKind.Number, moved.GetProperty("last_updated_timestamp").ValueKind);

        // The same endpoint under /ajax-api (the web UI's prefix); archive_existing_versions may be left out.
        var (status, ajax) = await _api.SendAsync(HttpMethod.Post, "ajax-api/2.0/mlflow/model-versions/transition-stage",
            $$"""{"name":"{{name}}","version":"3","stage":"Production"}""");
        Assert.Equal((HttpStatusCode.OK, "Production"), (status, ajax.GetProperty("model_version").GetProperty("current_stage").GetString()));

        await _api.OkAsync(HttpMethod.Post, "model-versions/transition-stage", $$"""{"name":"{{name}}","version":"2","stage":"STAGING","archive_existing_versions":true}""");
        var v1 = (await _api.OkAsync(HttpMethod.Get, $"model-versions/get?name={name}&version=1")).GetProperty("model_version");
        Assert.Equal("Archived", v1.GetProperty("current_stage").GetString());
        var staging = await _api.OkAsync(HttpMethod.Post, "registered-models/get-latest-versions", $$"""{"name":"{{name}}","stages":["staging"]}""");
        Assert.Equal("2", Assert.Single(staging.GetProperty("model_versions").EnumerateArray()).GetProperty("version").GetString());
        var latest = await _api.OkAsync(HttpMethod.Get, $"registered-models/get-latest-versions?name={name}&stages=Production&stages=Archived");
        Assert.Equal(["1", "3"], latest.GetProperty("model_versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()!).Order().ToArray());

        const string Path = "model-versions/transition-stage";
        Assert.Equal("Invalid Model Version stage: bogus. Value must be one of None, Staging, Production, Archived.",
            await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, Path, $$"""{"name":"{{name}}","version":"1","stage":"bogus"}"""));
        Assert.StartsWith("Model version transition cannot archive existing model versions because 'None' is not an Active stage.",
            await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, Path,
                $$"""{"name":"{{name}}","version":"1","stage":"None","archive_existing_versions":true}"""));
        Assert.Equal($"Model Version (name={name}, version=9) not found",
            await _api.ErrorAsync(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", HttpMethod.Post, Path, $$"""{"name":"{{name}}","version":"9","stage":"Staging"}"""));
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, Path, $$"""{"name":"{{name}}","version":"abc","stage":"Staging"}""");
        Assert.StartsWith("Missing value for required parameter 'stage'.",
            await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, Path, $$"""{"name":"{{name}}","version":"1"}"""));
        Assert.Contains("'archive_existing_versions'", await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, Path,
            $$"""{"name":"{{name}}","version":"1","stage":"Staging","archive_existing_versions":"yes"}"""));
        await _api.ErrorAsync(HttpStatusCode.NotFound, "ENDPOINT_NOT_FOUND", HttpMethod.Get, $"{Path}?name={name}&version=1&stage=Staging");
        Assert.Equal("Staging", (await _api.OkAsync(HttpMethod.Get, $"model-versions/get?name={name}&version=2")).GetProperty("model_version")
            .GetProperty("current_stage").GetString());
    }
}
