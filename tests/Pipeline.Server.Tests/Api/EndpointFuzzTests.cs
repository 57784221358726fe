using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Server.Tests.Infrastructure;

namespace Pipeline.Server.Tests.Api;

/// <summary>
/// Hostile input on every endpoint the server maps (found through its endpoint data source, so a new endpoint is
/// fuzzed without touching this test): wrong types, wrong shapes, bad escapes, invalid UTF-8, huge values, odd route
/// values and query strings. Whatever comes in, the answer is never a 5xx. Seeded, so a failure reproduces.
/// </summary>
public sealed class EndpointFuzzTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const int RandomBodiesPerEndpoint = 10;

    // Every field name a handler reads (MLflow's request fields), so random bodies reach past the first lookup.
    private static readonly string[] Fields =
    [
        "experiment_id", "experiment_ids", "run_id", "run_uuid", "name", "new_name", "key", "value", "alias", "version",
        "metric_key", "filter", "order_by", "max_results", "page_token", "tags", "params", "metrics", "datasets",
        "start_time", "end_time", "timestamp", "step", "status", "run_name", "artifact_location", "view_type",
        "run_view_type", "stages", "stage", "source", "run_link", "description", "path", "user_id",
        "archive_existing_versions", "experiment_name",
    ];

    private static readonly string[] BadValues =
    [
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\ud834\"", "\"\\u0000\"", "\"\"", "null", "true", "-1", "0",
        "1e309", "-1e309", "9223372036854775808", "-9223372036854775809", "1.5", "\"NaN\"", "[]", "{}", "[null]",
        "[{\"key\": \"\\ud800\", \"value\": 1e400, \"timestamp\": \"x\"}]", "[1, \"a\", {}]", "{\"\\ud800\": 1}",
        "\"" + new string('x', 70_000) + "\"", "\"' OR 1=1 --\"", "\"metrics.x > 'a\\ud800'\"", "\"../../../etc/passwd\"",
        "[" + string.Join(",", Enumerable.Repeat("{\"key\":\"k\",\"value\":1,\"timestamp\":1}", 1001)) + "]",
    ];

    private static readonly string[] RawBodies =
    [
        "", "{}", "[]", "\"x\"", "null", "42", "{\"a\":", "{\"experiment_id\": \"\\ud800\"}", "{\"run_id\": \"\\uZZZZ\"}",
        "\u00ff", "{\"name\": \"\\ud800\\u0041\"}", new string('[', 200) + new string(']', 200), "{\"tags\": " + new string('[', 70) + new string(']', 70) + "}",
    ];

    private static readonly string[] RouteValues =
    [
        "0", "1", "-1", "99999999999999999999", "..%2F..%2Fetc%2Fpasswd", "%ED%A0%80", "%FF%FE", "a%00b",
        new string('9', 5000), "%22%3E%3Cscript%3E",
    ];

    private static readonly string[] QueryValues = ["%ED%A0%80", "%FF", "-1", "99999999999999999999", "1e309", "", "%00", "x' OR '1'='1"];

    [Fact]
    public async Task EveryEndpoint_GivenHostileBodiesQueriesAndRouteValues_NeverAnswersA5xx()
    {
        // Given a store with an experiment, a run and a registered model, so handlers get past "does not exist"
        var api = new Infrastructure.Api(server.Http);
        var experiment = (await api.OkAsync(HttpMethod.Post, "experiments/create", "{\"name\": \"fuzz\"}")).GetProperty("experiment_id").GetString()!;
        var run = (await api.OkAsync(HttpMethod.Post, "runs/create", $"{{\"experiment_id\": \"{experiment}\"}}"))
            .GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
        await api.OkAsync(HttpMethod.Post, "registered-models/create", "{\"name\": \"fuzz-model\"}");
        var valid = new Dictionary<string, string>
        {
            ["experiment_id"] = $"\"{experiment}\"", ["run_id"] = $"\"{run}\"", ["name"] = "\"fuzz-model\"", ["version"] = "\"1\"",
            ["key"] = "\"k\"", ["value"] = "\"v\"", ["timestamp"] = "1", ["metric_key"] = "\"m\"", ["experiment_ids"] = $"[\"{experiment}\"]",
        };

        var endpoints = server.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // /ajax-api/... maps the same handlers as /api/...: fuzzed once, through /api.
            .Where(e => e.RoutePattern.RawText?.StartsWith("/ajax-api", StringComparison.Ordinal) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, e.RoutePattern)))
            .ToList();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints found");

        var random = new Random(20261202);
        var failures = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var visited = 0;

        // When each endpoint gets raw bodies, random bodies mixing valid and hostile field values, and hostile query strings
        foreach (var (method, pattern) in endpoints)
        {
            if (cts.IsCancellationRequested)
                break;
            visited++;
            var routes = Enumerable.Range(0, 3).Select(_ => Path(pattern, random)).ToList();
            foreach (var body in RawBodies)
                await SendAsync(method, routes[random.Next(routes.Count)], body, failures, cts.Token);
            for (var i = 0; i < RandomBodiesPerEndpoint; i++)
                await SendAsync(method, routes[random.Next(routes.Count)], RandomBody(random, valid), failures, cts.Token);
            foreach (var field in Fields.OrderBy(_ => random.Next()).Take(6))
                await SendAsync(method, routes[0] + $"?{field}={QueryValues[random.Next(QueryValues.Length)]}&max_results={QueryValues[random.Next(QueryValues.Length)]}", null, failures, cts.Token);
        }

        // Then nothing answered with a server error, and every endpoint was visited within the bound
        Assert.True(failures.Count == 0, $"{failures.Count} requests answered 5xx:\n{string.Join("\n", failures.Distinct().Take(40))}");
        Assert.Equal(endpoints.Count, visited);
    }

    [Theory]
    [InlineData("experiments/delete", "experiment_id")]
    [InlineData("runs/update", "run_id")]
    [InlineData("runs/set-tag", "run_id")]
    [InlineData("runs/search", "experiment_ids")]
    [InlineData("experiments/search", "filter")]
    [InlineData("registered-models/create", "name")]
    public async Task Endpoint_GivenALoneSurrogateEscape_AnswersBadRequest(string endpoint, string field)
    {
        var (status, body) = await new Infrastructure.Api(server.Http).PostAsync(endpoint, $"{{\"{field}\": \"\\ud800\", \"experiment_id\": \"\\ud800\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("error_code").GetString());
        Assert.Contains("invalid escape", body.GetProperty("message").GetString());
    }

    private async Task SendAsync(string method, string path, string? body, List<string> failures, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new ByteArrayContent(body == "\u00ff" ? [0xff, 0xfe] : Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "application/json" } } };
        HttpResponseMessage response;
        try
        {
            response = await server.Http.SendAsync(request, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // out of time: the visited count says so
        }

        using var _ = response;
        if ((int)response.StatusCode >= 500)
        {
            var answer = await response.Content.ReadAsStringAsync(ct);
            failures.Add($"{method} {Shorten(path)} {Shorten(body ?? "")} -> {(int)response.StatusCode} {Shorten(answer)}");
        }
    }

    private static string RandomBody(Random random, Dictionary<string, string> valid)
    {
        var picked = Fields.Where(_ => random.NextDouble() < 0.3).ToList();
        var parts = picked.Select(f => $"\"{f}\": " + (random.NextDouble() < 0.5 && valid.TryGetValue(f, out var v) ? v : BadValues[random.Next(BadValues.Length)]));
        return "{" + string.Join(", ", parts) + "}";
    }

    // A concrete path for a route pattern: literal segments kept, parameters replaced by hostile values.
    private static string Path(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Random random) =>
        string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => RouteValues[random.Next(RouteValues.Length)],
        })))).TrimStart('/');

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "..." : text;
}
