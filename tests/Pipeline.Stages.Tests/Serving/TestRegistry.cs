using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>Asks a registry directly over the Docker Registry HTTP API v2 (the engine is not involved).</summary>
internal sealed class TestRegistry(string host, string? user = null, string? password = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://{host}/v2/") };

    public async Task<IReadOnlyList<string>> TagsAsync(string repository)
    {
        using var request = Request(HttpMethod.Get, $"{repository}/tags/list");
        using var response = await _http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return [];
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The registry's <c>Docker-Content-Digest</c> of the manifest a tag names.</summary>
    public async Task<string> DigestAsync(string repository, string tag)
    {
        using var request = Request(HttpMethod.Head, $"{repository}/manifests/{tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }
}
