using System.Net;
using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Hosting;

/// <summary>/ping, /health, /version, /metrics and what is not an endpoint.</summary>
public sealed class EndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ScoringTestServer Server => fixture.Server;

    [Theory]
    [InlineData("/ping")]
    [InlineData("/health")]
    public async Task HealthEndpoints_ModelLoaded_Answer200(string path)
    {
        using var response = await Server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Version_AnswersModelVersion()
    {
        Assert.Equal("7", await Server.Client.GetStringAsync("/version"));
    }

    [Fact]
    public async Task Metrics_AfterTraffic_ExposeCountsLatencyAndErrors()
    {
        await Server.ScoreAsync("""{"inputs": {"x": [1, 2, 3], "n": [1, 1, 1]}}""");
        await Server.ScoreAsync("""{"inputs": {"x": [1]}}""");
        using var notFound = await Server.Client.GetAsync("/no/such/path?x=1");

        using var response = await Server.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("""scoring_http_requests_total\{path="/invocations",method="POST",status="200"\} [1-9]""", text);
        Assert.Matches("""scoring_http_requests_total\{path="/invocations",method="POST",status="400"\} [1-9]""", text);
        Assert.Matches("""scoring_http_requests_total\{path="other",method="GET",status="404"\} [1-9]""", text);
        Assert.Matches("""scoring_errors_total\{path="/invocations",error_code="INVALID_PARAMETER_VALUE"\} [1-9]""", text);
        Assert.Matches("""scoring_http_request_duration_seconds_bucket\{path="/invocations",le="\+Inf"\} [1-9]""", text);
        Assert.Matches("""scoring_predictions_total [3-9]""", text);
        Assert.DoesNotContain("/no/such/path", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_AreLoggedWithStructuredFields()
    {
        await Server.ScoreAsync("""{"inputs": {"x": [1], "n": [1]}, "params": {"predict_proba": 1}}""");

        var entry = Server.Logs.Entries.Last(e => e.State.TryGetValue("ErrorCode", out var code) && "INVALID_PARAMETER_VALUE".Equals(code));
        Assert.Equal("/invocations", entry.State["Path"]);
        Assert.Equal(400, entry.State["StatusCode"]);
        Assert.IsType<double>(entry.State["ElapsedMs"]);
    }

    [Fact]
    public async Task Invocations_Get_Answers405NotServerError()
    {
        using var response = await Server.Client.GetAsync("/invocations");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/invocations")]
    [InlineData("PUT", "/invocations")]
    [InlineData("POST", "/ping")]
    [InlineData("DELETE", "/version")]
    [InlineData("OPTIONS", "/health")]
    public async Task WrongMethod_Answers405WithMlflowErrorBody(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Server.Client.SendAsync(request);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("BAD_REQUEST", body.RootElement.GetProperty("error_code").GetString());
        Assert.Contains($"Method {method} is not allowed on {path}", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Answers404WithEndpointNotFoundBody()
    {
        using var response = await Server.Client.PostAsync("/predict", new StringContent("{}"));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ENDPOINT_NOT_FOUND", body.RootElement.GetProperty("error_code").GetString());
    }

    [Theory]
    [InlineData("/ping")]
    [InlineData("/health")]
    [InlineData("/version")]
    public async Task HeadRequest_OnGetEndpoint_Answers200AsFlaskDoes(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
