using System.Net;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

/// <summary>The checks MLflow's server makes in its handlers, before its stores: artifact locations, model version sources, required names.</summary>
public sealed class HandlerValidationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly Infrastructure.Api _api = new(server.Http);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<(string Experiment, string Run, string ArtifactUri)> NewRunAsync(string? artifactLocation = null)
    {
        var location = artifactLocation is null ? "" : $$""","artifact_location":"{{artifactLocation}}" """;
        var exp = (await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"{{Unique("v")}}"{{location}}}"""))
            .GetProperty("experiment_id").GetString()!;
        var info = (await _api.OkAsync(HttpMethod.Post, "runs/create", $$"""{"experiment_id":"{{exp}}"}""")).GetProperty("run").GetProperty("info");
        return (exp, info.GetProperty("run_id").GetString()!, info.GetProperty("artifact_uri").GetString()!);
    }

    private async Task<string> NewModelAsync()
    {
        var name = Unique("m");
        await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");
        return name;
    }

    [Theory]
    [InlineData("s3://bucket/path#frag", "'artifact_location' URL can't include fragments or params.")]
    [InlineData("http://host/a;p=1", "'artifact_location' URL can't include fragments or params.")]
    [InlineData("s3://bucket/path?x=%2E%2E/etc", "Invalid query string")]
    [InlineData("runs:/abc/model", "Artifact location cannot be a runs:/ URI. Given: 'runs:/abc/model'")]
    public async Task CreateExperiment_ArtifactLocationMlflowRefuses_InvalidParameterValue(string location, string message)
    {
        var error = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/create",
            $$"""{"name":"{{Unique("loc")}}","artifact_location":"{{location}}"}""");

        Assert.Equal(message, error);
    }

    [Fact]
    public async Task CreateExperiment_ArtifactLocationOver2048Chars_InvalidParameterValue_2048Accepted()
    {
        var error = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/create",
            $$"""{"name":"{{Unique("long")}}","artifact_location":"s3://b/{{new string('x', 2049 - 7)}}"}""");
        Assert.StartsWith("Invalid artifact path length.", error);

        await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"{{Unique("long")}}","artifact_location":"s3://b/{{new string('x', 2048 - 7)}}"}""");
    }

    [Theory]
    [InlineData("/etc/passwd", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("file:///etc/passwd", true)]
    public async Task CreateModelVersion_LocalSourceOutsideRunArtifacts_InvalidParameterValue(string source, bool withRun)
    {
        var name = await NewModelAsync();
        var (_, run, _) = await NewRunAsync();
        var runField = withRun ? $$""","run_id":"{{run}}" """ : "";

        var error = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "model-versions/create",
            $$"""{"name":"{{name}}","source":"{{source}}"{{runField}}}""");

        Assert.StartsWith("Invalid model version source: '", error);
        Assert.Contains("the run_id request parameter has to be specified", error);
        var versions = await _api.OkAsync(HttpMethod.Get, $"model-versions/search?filter={Uri.EscapeDataString($"name = '{name}'")}");
        Assert.False(versions.TryGetProperty("model_versions", out _));
    }

    [Fact]
    public async Task CreateModelVersion_LocalSourceInsideRunsLocalArtifactFolder_Accepted()
    {
        // Local locations are accepted inside the server's artifact roots only (ArtifactSecurityTests has the rest).
        var root = Path.Combine(server.ArtifactsDestination, Unique("local-artifacts"));
        var (_, run, artifactUri) = await NewRunAsync(root);
        Assert.StartsWith(root, artifactUri);
        var name = await NewModelAsync();

        var version = (await _api.OkAsync(HttpMethod.Post, "model-versions/create", $$"""{"name":"{{name}}","source":"{{artifactUri}}/model","run_id":"{{run}}"}"""))
            .GetProperty("model_version");

        Assert.Equal($"{artifactUri}/model", version.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("s3://bucket/models/../../other")]
    [InlineData("mlflow-artifacts:/1/run/artifacts/%2E%2E/%2E%2E/x")]
    [InlineData("http://host/api/2.0/mlflow-artifacts/artifacts/%252e%252e/x")]
    [InlineData("s3://bucket/a/./b")]
    public async Task CreateModelVersion_SourceWithRelativePath_InvalidParameterValue(string source)
    {
        var name = await NewModelAsync();

        var error = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "model-versions/create",
            $$"""{"name":"{{name}}","source":"{{source}}"}""");

        Assert.StartsWith($"Invalid model version source: '{source}'. If supplying a source as an http, https", error);
    }

    [Theory]
    [InlineData("registered-models/create", """{}""", "name")]
    [InlineData("registered-models/rename", """{"name":"x"}""", "new_name")]
    public async Task RegisteredModels_MissingRequiredName_HandlerSchemaMessage(string endpoint, string json, string field)
    {
        var error = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, endpoint, json);

        Assert.Equal($"Missing value for required parameter '{field}'. See the API docs for more information about request parameters.", error);
    }

    [Fact]
    public async Task LogParamMetricTag_KeyWithColon_AcceptedAsOnMlflowsLinuxServer()
    {
        var (_, run, _) = await NewRunAsync();

        await _api.OkAsync(HttpMethod.Post, "runs/log-parameter", $$"""{"run_id":"{{run}}","key":"optimizer:lr","value":"0.1"}""");
        await _api.OkAsync(HttpMethod.Post, "runs/log-metric", $$"""{"run_id":"{{run}}","key":"val:loss","value":0.5,"timestamp":1}""");
        await _api.OkAsync(HttpMethod.Post, "runs/set-tag", $$"""{"run_id":"{{run}}","key":"team:owner","value":"ml"}""");

        var data = (await _api.OkAsync(HttpMethod.Get, $"runs/get?run_id={run}")).GetProperty("run").GetProperty("data");
        Assert.Equal("optimizer:lr", data.GetProperty("params")[0].GetProperty("key").GetString());
        Assert.Equal("val:loss", data.GetProperty("metrics")[0].GetProperty("key").GetString());
        var error = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "runs/log-parameter",
            $$"""{"run_id":"{{run}}","key":"bad key!","value":"x"}""");
        Assert.EndsWith("spaces ( ), colon(:) and slashes (/).", error);
    }
}
