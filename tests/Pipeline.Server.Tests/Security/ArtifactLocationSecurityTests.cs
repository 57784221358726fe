using System.Net;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Security;

/// <summary>
/// Issue 10 §1: what a client may put in <c>artifact_location</c> and model-version sources, and that a run's stored
/// location can never make the server list or serve a file outside its artifact roots.
/// </summary>
public sealed class ArtifactLocationSecurityTests(ConfinedServerFixture server) : IClassFixture<ConfinedServerFixture>
{
    private readonly Infrastructure.Api _api = new(server.Http);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    [Fact]
    public async Task IssueReproduction_FileEtcWithQuery_NeitherCreatedNorListedNorServed()
    {
        // The issue's reproduction, verbatim: experiments/create with file:///etc?, runs/create, artifacts/list, dashboard download.
        var (status, body) = await _api.PostAsync("experiments/create", $$"""{"name":"{{Unique("t")}}","artifact_location":"file:///etc?"}""");
        var leaked = "";
        if (status == HttpStatusCode.OK)
        {
            var exp = body.GetProperty("experiment_id").GetString();
            var run = (await _api.OkAsync(HttpMethod.Post, "runs/create", $$"""{"experiment_id":"{{exp}}"}""")).GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();
            leaked = await server.Http.GetStringAsync($"{Infrastructure.Api.Base}artifacts/list?run_id={run}") +
                     await (await server.Http.GetAsync($"runs/{run}/artifact?path=passwd")).Content.ReadAsStringAsync();
        }

        // A local location with a query is malformed (400); one outside the roots is refused (403).
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.DoesNotContain("passwd", leaked);
        Assert.DoesNotContain("root:", leaked);
    }

    [Theory]
    [InlineData("file:///etc?")]
    [InlineData("file:///etc?x=1")]
    [InlineData("file:///etc")]
    [InlineData("/etc")]
    [InlineData("{outside}")]
    [InlineData("file://{outside}?")]
    [InlineData("file://{outside}")]
    [InlineData("file://{destination}/../outside")]
    [InlineData("file://{destination}/%2e%2e/outside")]
    [InlineData("file://{destination}/%2E%2E%2Foutside")]
    [InlineData("{destination}/../outside")]
    [InlineData("{destination}/link-out")]
    [InlineData("file://{destination}/link-out/sub")]
    public async Task CreateExperiment_LocalLocationOutsideRoots_Refused_NothingCreated(string template)
    {
        var link = Path.Join(server.Destination, "link-out");
        if (!Path.Exists(link))
            File.CreateSymbolicLink(link, server.Outside);
        var location = template.Replace("{outside}", server.Outside).Replace("{destination}", server.Destination);
        var name = Unique("loc");

        var (status, body) = await _api.PostAsync("experiments/create", $$"""{"name":"{{name}}","artifact_location":{{Json(location)}}}""");

        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{location} answered {(int)status}: {body}");
        Assert.Contains(body.GetProperty("error_code").GetString(), new[] { "PERMISSION_DENIED", "INVALID_PARAMETER_VALUE" });
        Assert.Null(await server.Store.GetExperimentByNameAsync(name));
    }

    [Theory]
    [InlineData("file://{destination}/team-a")]
    [InlineData("{destination}/team-b")]
    [InlineData("mlflow-artifacts:/team-c")]
    [InlineData("s3://bucket/team-d")]
    public async Task CreateExperiment_LocationInsideRootsOrRemote_Accepted(string template)
    {
        var location = template.Replace("{destination}", server.Destination);

        var body = await _api.OkAsync(HttpMethod.Post, "experiments/create", $$"""{"name":"{{Unique("ok")}}","artifact_location":{{Json(location)}}}""");

        Assert.False(string.IsNullOrEmpty(body.GetProperty("experiment_id").GetString()));
    }

    [Theory]
    [InlineData("mlflow-artifacts:/%2e%2e/%2e%2e/etc")]
    [InlineData("mlflow-artifacts:/a/%252e%252e/%252e%252e/b")]
    [InlineData("mlflow-artifacts:/a/..\\..\\b")]
    public async Task CreateExperiment_ProxiedLocationWithEncodedDotDot_InvalidParameterValue(string location)
    {
        await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "experiments/create",
            $$"""{"name":"{{Unique("enc")}}","artifact_location":{{Json(location)}}}""");
    }

    [Theory]
    [InlineData("file:///etc?")]
    [InlineData("file:///etc?x=1")]
    [InlineData("{outside}")]
    [InlineData("{destination}/link-out")]
    public async Task StoredRunOutsideRoots_ListAndDashboardAndPage_Refused(string template)
    {
        // Planted directly in the store, as an embedded pipeline or an older server could have stored it.
        var link = Path.Join(server.Destination, "link-out");
        if (!Path.Exists(link))
            File.CreateSymbolicLink(link, server.Outside);
        var location = template.Replace("{outside}", server.Outside).Replace("{destination}", server.Destination);
        var exp = await server.Store.CreateExperimentAsync(Unique("planted"), location, []);
        var run = await server.Store.CreateRunAsync(exp, "u", 0, [], null);
        var runId = run.Info.RunId;
        // Whatever the run folder's layout, the secret is reachable under these names if confinement fails.
        foreach (var name in new[] { "passwd", $"{runId}/artifacts/passwd" })
        {
            var dir = Path.GetDirectoryName(Path.Join(server.Outside, name))!;
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Join(server.Outside, name), ConfinedServerFixture.Secret);
        }

        using var list = await server.Http.GetAsync($"{Infrastructure.Api.Base}artifacts/list?run_id={runId}");
        using var file = await server.Http.GetAsync($"runs/{runId}/artifact?path=passwd");
        using var page = await server.Http.GetAsync($"runs/{runId}");

        Assert.True(list.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"list answered {(int)list.StatusCode}");
        Assert.DoesNotContain("passwd", await list.Content.ReadAsStringAsync());
        Assert.True(file.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"download answered {(int)file.StatusCode}");
        Assert.DoesNotContain(ConfinedServerFixture.Secret, await file.Content.ReadAsStringAsync());
        Assert.DoesNotContain(ConfinedServerFixture.Secret, await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain(">passwd<", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateModelVersion_LocalSourceOfRunOutsideRoots_Refused()
    {
        var exp = await server.Store.CreateExperimentAsync(Unique("src"), server.Outside, []);
        var run = await server.Store.CreateRunAsync(exp, "u", 0, [], null);
        var name = Unique("m");
        await _api.OkAsync(HttpMethod.Post, "registered-models/create", $$"""{"name":"{{name}}"}""");

        var (status, body) = await _api.PostAsync("model-versions/create",
            $$"""{"name":"{{name}}","source":{{Json(run.Info.ArtifactUri + "/model")}},"run_id":"{{run.Info.RunId}}"}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("PERMISSION_DENIED", body.GetProperty("error_code").GetString());
    }
}
