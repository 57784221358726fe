using System.Net;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

/// <summary>The <c>/api/2.0/pipeline/sweeps/</c> extension in-process over SQLite: the wire shapes and 400s for bad requests.</summary>
public sealed class TrialQueueEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Prefix = "api/2.0/pipeline/sweeps/";
    private readonly Infrastructure.Api _api = new(server.Http);

    [Fact]
    public async Task CreateThenClaim_SnakeCaseShapesAndUpperCaseStates()
    {
        var id = "wire-" + Guid.NewGuid().ToString("N");
        var (status, created) = await _api.SendAsync(HttpMethod.Post, Prefix + "create-or-join",
            $$"""{"sweep_id":"{{id}}","experiment_id":"0","configurations":["a(C=1)","a(C=2)"],"max_retries":1}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal(2, created.GetProperty("trials").GetInt32());

        var (_, claimed) = await _api.SendAsync(HttpMethod.Post, Prefix + "claim", $$"""{"sweep_id":"{{id}}","worker_id":"h/1/2"}""");
        Assert.Equal(0, claimed.GetProperty("value").GetProperty("number").GetInt32());
        Assert.Equal("a(C=1)", claimed.GetProperty("value").GetProperty("configuration").GetString());
        var (_, listed) = await _api.SendAsync(HttpMethod.Post, Prefix + "list", $$"""{"sweep_id":"{{id}}"}""");
        Assert.Equal(["RUNNING", "QUEUED"], listed.EnumerateArray().Select(t => t.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("claim", """{"worker_id":"w"}""", "sweep_id")]
    [InlineData("claim", """{"sweep_id":"s"}""", "worker_id")]
    [InlineData("heartbeat", """{"sweep_id":"s","worker_id":"w"}""", "number")]
    [InlineData("finish", """{"sweep_id":"s","worker_id":"w","number":0,"state":"RUNNING"}""", "state (COMPLETE or FAILED)")]
    [InlineData("finish", """{"sweep_id":"s","worker_id":"w","number":0,"state":"BOGUS"}""", "Malformed request body")]
    [InlineData("record-configuration", """{"sweep_id":"s","worker_id":"w","number":0}""", "configuration")]
    [InlineData("record-configuration", """{"sweep_id":"s","worker_id":"w","configuration":"a(C=1)"}""", "number")]
    [InlineData("reap", """{"sweep_id":"s"}""", "stale_after_ms")]
    [InlineData("create-or-join", """{"sweep_id":"s"}""", "configurations")]
    [InlineData("count", """{"sweep_id": """, "Malformed request body")]
    public async Task BadRequest_400InvalidParameterValueNamingWhatIsWrong(string operation, string body, string named)
    {
        var message = await _api.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", HttpMethod.Post, "../pipeline/sweeps/" + operation, body);

        Assert.Contains(named, message);
    }
}
