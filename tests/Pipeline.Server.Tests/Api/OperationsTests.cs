using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pipeline.Server.Hosting;
using Pipeline.Server.Tests.Infrastructure;
using Pipeline.Tracking;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Tests.Api;

public sealed class OperationsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task HealthVersionMetrics_Answer()
    {
        Assert.Equal("OK", await server.Http.GetStringAsync("health"));
        Assert.Matches(@"^\d+\.\d+\.\d+", await server.Http.GetStringAsync("version"));
        await server.Http.GetStringAsync("api/2.0/mlflow/experiments/get?experiment_id=0");

        var metrics = await server.Http.GetStringAsync("metrics");

        Assert.Contains("tracking_http_requests_total{endpoint=\"/api/2.0/mlflow/experiments/get\",method=\"GET\",status=\"200\"}", metrics);
        Assert.Contains("tracking_http_request_duration_seconds_bucket", metrics);
    }

    [Fact]
    public async Task Metrics_CountErrorsByCode()
    {
        await server.Http.GetAsync("api/2.0/mlflow/experiments/get?experiment_id=31337");

        Assert.Contains("tracking_errors_total{endpoint=\"/api/2.0/mlflow/experiments/get\",error_code=\"RESOURCE_DOES_NOT_EXIST\"}",
            await server.Http.GetStringAsync("metrics"));
    }

    [Fact]
    public async Task AuthToken_RequiredForReadsAndWrites_BearerOrBasic_HealthOpen()
    {
        await using var secured = new ServerFixture { AuthToken = "s3cret" };
        await secured.InitializeAsync();
        const string get = "api/2.0/mlflow/experiments/get?experiment_id=0";

        using var anonymous = await secured.Http.GetAsync(get);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("\"error_code\":\"UNAUTHENTICATED\"", await anonymous.Content.ReadAsStringAsync());
        using var write = await secured.Http.PostAsync("api/2.0/mlflow/experiments/create", new StringContent("""{"name":"x"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("OK", await secured.Http.GetStringAsync("health"));

        using var bearer = new HttpRequestMessage(HttpMethod.Get, get) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        Assert.Equal(HttpStatusCode.OK, (await secured.Http.SendAsync(bearer)).StatusCode);
        using var basic = new HttpRequestMessage(HttpMethod.Get, get)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:s3cret"))) },
        };
        Assert.Equal(HttpStatusCode.OK, (await secured.Http.SendAsync(basic)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, get) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "nope") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await secured.Http.SendAsync(wrong)).StatusCode);

        await using var store = new RestTrackingStore(secured.Host.BaseUri, new RestTrackingStoreOptions { Token = "s3cret" });
        Assert.Equal("Default", (await store.GetExperimentAsync("0")).Name);
        await using var noToken = new RestTrackingStore(secured.Host.BaseUri, new RestTrackingStoreOptions { MaxRetries = 0 });
        Assert.Equal(ErrorCode.InternalError, (await Assert.ThrowsAsync<TrackingException>(() => noToken.GetExperimentAsync("0"))).Code);
    }

    [Fact]
    public async Task Start_PortTaken_StartupErrorNamesThePort()
    {
        var options = server.Options with { Port = server.Host.BaseUri.Port };

        var error = await Assert.ThrowsAsync<TrackingServerStartupException>(() => TrackingServerHost.StartAsync(options));

        Assert.Contains(server.Host.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Arguments_MlflowServerOptionNames_Parsed_UnknownNamed()
    {
        var options = TrackingServerArguments.Parse(
            ["--backend-store-uri", "sqlite:///x.db", "--artifacts-destination=/tmp/a", "--host", "0.0.0.0", "--port", "5001"], _ => "tok");

        Assert.Equal(("sqlite:///x.db", "/tmp/a", "0.0.0.0", 5001, "tok"),
            (options.BackendStoreUri, options.ArtifactsDestination, options.Host, options.Port, options.AuthToken));
        Assert.Equal("mlflow-artifacts:/", options.EffectiveDefaultArtifactRoot);
        Assert.Contains("--colour", Assert.Throws<TrackingServerStartupException>(() => TrackingServerArguments.Parse(["--colour", "red"], _ => null)).Message);
    }
}
