using System.Net;
using System.Text;
using System.Text.Json;

namespace Pipeline.Server.Tests.Infrastructure;

/// <summary>Raw calls to the server's REST API and checks of MLflow's answers (status, JSON, error_code).</summary>
public sealed class Api(HttpClient http)
{
    public const string Base = "api/2.0/mlflow/";

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string endpoint, string json) => SendAsync(HttpMethod.Post, Base + endpoint, json);

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string endpointAndQuery) => SendAsync(HttpMethod.Get, Base + endpointAndQuery);

    /// <summary>Calls and asserts 200; returns the JSON body.</summary>
    public async Task<JsonElement> OkAsync(HttpMethod method, string endpoint, string? json = null)
    {
        var (status, body) = await SendAsync(method, Base + endpoint, json);
        Assert.True(status == HttpStatusCode.OK, $"{method} {endpoint} answered {(int)status}: {body}");
        return body;
    }

    /// <summary>Calls and asserts MLflow's error answer: the status, the error_code and a message.</summary>
    public async Task<string> ErrorAsync(HttpStatusCode expected, string errorCode, HttpMethod method, string endpoint, string? json = null)
    {
        var (status, body) = await SendAsync(method, Base + endpoint, json);
        Assert.Equal(expected, status);
        Assert.Equal(errorCode, body.GetProperty("error_code").GetString());
        var message = body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrEmpty(message));
        return message!;
    }

    /// <summary>The names of an object's properties, in order.</summary>
    public static string[] Fields(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();
}
