using System.Net;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Tests.Infrastructure;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>Issue 10 §5: rows per request are bounded (413 naming the limit), large requests are gated, and the server names its instance.</summary>
public sealed class RowLimitTests : IAsyncLifetime
{
    private const int MaxRows = 1000;
    private readonly SumThresholdTestModel _model = new(SumThresholdTestModel.DefaultSchema);
    private ScoringTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ScoringTestServer.StartAsync(new TestModelLoader(_model),
        new ScoringServerOptions { Port = 0, MaxRequestBodyBytes = 8 * 1024 * 1024, EnginePoolSize = 2, MaxRowsPerRequest = MaxRows, InstanceId = "instance-42" });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _model.Dispose();
    }

    private static string JsonRows(int rows) =>
        """{"dataframe_split": {"columns": ["x", "n"], "data": [""" + string.Join(",", Enumerable.Repeat("[1.5, 2]", rows)) + "]}}";

    private static string CsvRows(int rows, bool quoted = false) =>
        "x,n\n" + string.Concat(Enumerable.Repeat(quoted ? "\"1.5\",2\n" : "1.5,2\n", rows));

    [Theory]
    [InlineData("json", false)]
    [InlineData("csv", false)]
    [InlineData("csv", true)]
    public async Task RowsOverLimit_Answers413NamingRowsAndLimit(string format, bool quoted)
    {
        var (body, type) = format == "json" ? (JsonRows(MaxRows + 1), "application/json") : (CsvRows(MaxRows + 1, quoted), "text/csv");

        using var response = await _server.PostAsync(body, type);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("\"error_code\":\"BAD_REQUEST\"", text, StringComparison.Ordinal);
        Assert.Contains($"The request has {MaxRows + 1} rows; this server scores at most {MaxRows} rows per request", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task RowsAtLimit_AreScored(string format)
    {
        var (body, type) = format == "json" ? (JsonRows(MaxRows), "application/json") : (CsvRows(MaxRows), "text/csv");

        var (status, answer) = await _server.ScoreAsync(body, type);

        Assert.Equal(200, status);
        Assert.Equal(MaxRows, answer.GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task ManyLargeRequestsAtOnce_AllAnswered()
    {
        // Over the 1 MiB threshold each (so they queue through the two slots), under the row limit.
        var body = JsonRows(MaxRows) + new string(' ', (int)LargeRequestGateThreshold);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _server.ScoreAsync(body)));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheInstanceId()
    {
        using var health = await _server.Client.GetAsync("/health");
        using var version = await _server.Client.GetAsync("/version");

        Assert.Equal("instance-42", health.Headers.GetValues(ScoringEndpoints.InstanceHeader).Single());
        Assert.Equal("instance-42", version.Headers.GetValues(ScoringEndpoints.InstanceHeader).Single());
    }

    [Fact]
    public void Options_ZeroRowsOrSlots_AreProblems()
    {
        var problems = new ScoringServerOptions { MaxRowsPerRequest = 0, MaxConcurrentLargeRequests = 0 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("Scoring:MaxRowsPerRequest must be at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Scoring:MaxConcurrentLargeRequests must be at least 1", StringComparison.Ordinal));
    }

    private const long LargeRequestGateThreshold = 1024 * 1024;
}
