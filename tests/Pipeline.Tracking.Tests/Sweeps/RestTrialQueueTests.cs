using System.Net;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Tracking.Tests.Sweeps;

/// <summary>The REST client of the trial queue against servers without the extension.</summary>
public sealed class RestTrialQueueTests
{
    [Fact]
    public async Task Claim_AgainstMlflowServerAnswering404_ThrowsUnavailableNamingTheServer()
    {
        // MLflow's server answers an unknown path with its HTML 404 page.
        using var http = new HttpClient(new Answering(HttpStatusCode.NotFound, "<!doctype html><title>404 Not Found</title>", "text/html"));
        await using var store = new RestTrackingStore(new Uri("http://mlflow.example:5000"), httpClient: http);

        var error = await Assert.ThrowsAsync<TrialQueueUnavailableException>(() => store.TrialQueue.ClaimAsync("sweep", "worker"));

        Assert.Contains("http://mlflow.example:5000/", error.Message);
        Assert.Contains("no trial queue", error.Message);
    }

    [Fact]
    public async Task CreateOrJoin_AgainstServerAnsweringEndpointNotFound_ThrowsUnavailable()
    {
        const string body = """{"error_code": "ENDPOINT_NOT_FOUND", "message": "No API endpoint POST /api/2.0/pipeline/sweeps/create-or-join"}""";
        using var http = new HttpClient(new Answering(HttpStatusCode.NotFound, body, "application/json"));
        await using var store = new RestTrackingStore(new Uri("http://old-server:5000"), httpClient: http);

        await Assert.ThrowsAsync<TrialQueueUnavailableException>(() => store.TrialQueue.CreateOrJoinAsync(new SweepQueueRequest("s", "0", ["a"])));
    }

    [Fact]
    public async Task RecordConfiguration_AgainstServerFromBeforeTheCall_GoesOnForTheAttachToCarryIt()
    {
        const string body = """{"error_code": "ENDPOINT_NOT_FOUND", "message": "No API endpoint POST /api/2.0/pipeline/sweeps/record-configuration"}""";
        using var http = new HttpClient(new Answering(HttpStatusCode.NotFound, body, "application/json"));
        await using var store = new RestTrackingStore(new Uri("http://old-server:5000"), httpClient: http);

        Assert.True(await store.TrialQueue.RecordConfigurationAsync("s", 0, "worker", "lbfgs_logistic_regression(C=0.5)"));
    }

    private sealed class Answering(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) });
    }
}
