using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// Artifacts behind a tracking server's artifact proxy (MLflow's <c>mlflow-artifacts:</c> scheme): files stream to and
/// from <c>{tracking server}/api/2.0/mlflow-artifacts/artifacts/{path}</c> with PUT, GET and DELETE; folders list with
/// <c>GET .../artifacts?path=</c>. A root such as <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c> is resolved against
/// the tracking server given when the scheme was registered; <c>mlflow-artifacts://host:port/...</c> names its own
/// server (http). Paths are checked as by the local repository before any request is made.
/// </summary>
public sealed partial class HttpArtifactRepository : IArtifactRepository
{
    private const string ProxyPath = "api/2.0/mlflow-artifacts/artifacts";
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue? _auth;
    private readonly Uri _server;
    private readonly string _rootPath;

    /// <summary>Opens the repository at <paramref name="rootUri"/> (<c>mlflow-artifacts:</c> URI) through <paramref name="trackingServer"/>.</summary>
    /// <param name="rootUri">The repository root, e.g. <c>mlflow-artifacts:/1/abc/artifacts</c>.</param>
    /// <param name="trackingServer">The tracking server's base URI, used when the root names no host.</param>
    /// <param name="http">The HTTP client (kept alive by its owner, not disposed here).</param>
    /// <param name="authorization">Sent with every request when given (bearer or basic).</param>
    public HttpArtifactRepository(string rootUri, Uri trackingServer, HttpClient http, AuthenticationHeaderValue? authorization = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootUri);
        ArgumentNullException.ThrowIfNull(trackingServer);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _auth = authorization;
        RootUri = rootUri;
        var rest = rootUri[(rootUri.IndexOf(':') + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            var authority = slash < 0 ? rest[2..] : rest[2..slash];
            trackingServer = authority.Length > 0 ? new Uri($"http://{authority}/") : trackingServer;
            rest = slash < 0 ? "" : rest[slash..];
        }

        _server = new Uri(trackingServer.AbsoluteUri.TrimEnd('/') + "/");
        _rootPath = ArtifactPath.Join(ArtifactPath.Split(rest.TrimStart('/'), allowRoot: true));
    }

    /// <inheritdoc />
    public string RootUri { get; private init; }

    /// <summary>
    /// Opens the repository at a proxy URL as MLflow's <c>http</c>/<c>https</c> artifact repository reads it:
    /// <c>http://host:port[/prefix]/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts</c>. A URL without the proxy path
    /// is INVALID_PARAMETER_VALUE.
    /// </summary>
    public static HttpArtifactRepository FromProxyUrl(string url, HttpClient http, AuthenticationHeaderValue? authorization = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var marker = "/" + ProxyPath;
        var at = url.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || !Uri.TryCreate(url[..at] + "/", UriKind.Absolute, out var server))
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"'{Stores.PostgresUri.Redact(url)}' is not a tracking server's artifact URL (expected http(s)://host:port/{ProxyPath}/...).");
        }

        var path = url[(at + marker.Length)..].Trim('/');
        return new HttpArtifactRepository("mlflow-artifacts:/" + path, server, http, authorization) { RootUri = url };
    }

    /// <inheritdoc />
    public async Task<ArtifactFile> LogFileAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default)
    {
        await using var input = File.OpenRead(localFile);
        return await WriteAsync(Combine(artifactDirectory, Path.GetFileName(localFile)), input, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactFile>> LogDirectoryAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default)
    {
        var written = new List<ArtifactFile>();
        foreach (var file in Directory.EnumerateFiles(localDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(localDirectory, file).Replace('\\', '/');
            await using var input = File.OpenRead(file);
            written.Add(await WriteAsync(Combine(artifactDirectory, relative), input, ct).ConfigureAwait(false));
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<ArtifactFile> WriteAsync(string artifactPath, Stream content, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: false));
        var body = new HashingContent(content);
        using var request = Request(HttpMethod.Put, relative);
        request.Content = body;
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, relative, ct).ConfigureAwait(false);
        return new ArtifactFile(relative, body.Size, body.Sha256);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? artifactDirectory = null, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactDirectory, allowRoot: true));
        var full = Combine(_rootPath, relative);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server, $"{ProxyPath}?path={Uri.EscapeDataString(full)}"));
        request.Headers.Authorization = _auth;
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, relative, ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false));
        // The proxy answers base names; entries are paths relative to this repository's root.
        return MlflowJsonReader.Array(doc.RootElement, "files")
            .Select(f => new ArtifactEntry(Combine(relative, MlflowJsonReader.String(f, "path") ?? ""),
                f.TryGetProperty("is_dir", out var d) && d.ValueKind == JsonValueKind.True, MlflowJsonReader.Long(f, "file_size")))
            .Select(e => e.IsDir ? e with { FileSize = null } : e)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string artifactPath, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: false));
        var request = Request(HttpMethod.Get, relative);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, relative, ct).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            request.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string? artifactPath = null, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: true));
        using var request = Request(HttpMethod.Delete, relative);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, relative, ct).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string relative)
    {
        var full = Combine(_rootPath, relative);
        var escaped = string.Join('/', full.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        var request = new HttpRequestMessage(method, new Uri(_server, escaped.Length == 0 ? ProxyPath : $"{ProxyPath}/{escaped}"));
        request.Headers.Authorization = _auth;
        return request;
    }

    private static string Combine(string? first, string second) =>
        string.IsNullOrEmpty(first) ? second : string.IsNullOrEmpty(second) ? first : $"{first.TrimEnd('/')}/{second}";

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string relative, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string? code = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            code = MlflowJsonReader.String(doc.RootElement, "error_code");
            message = MlflowJsonReader.String(doc.RootElement, "message");
        }
        catch (JsonException)
        {
        }

        var errorCode = code is not null ? MlflowErrorCodes.Parse(code)
            : response.StatusCode == HttpStatusCode.NotFound ? ErrorCode.ResourceDoesNotExist
            : ErrorCode.InternalError;
        throw new TrackingException(errorCode, message ?? $"Artifact request for '{relative}' failed with status {(int)response.StatusCode}: {text}");
    }
}
