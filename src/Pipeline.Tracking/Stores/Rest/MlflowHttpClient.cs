using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>
/// Sends one MLflow REST call: JSON in, JSON out, retried with exponential backoff on 429/5xx, timeouts and connection
/// failures; MLflow error bodies become <see cref="TrackingException"/> with the same error code.
/// </summary>
internal sealed class MlflowHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RestTrackingStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly AuthenticationHeaderValue? _auth;

    public MlflowHttpClient(Uri baseUri, RestTrackingStoreOptions options, TimeProvider time, HttpClient? http)
    {
        BaseUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
        _options = options;
        _time = time;
        _ownsHttp = http is null;
        // One pooled, keep-alive connection set for the store's lifetime; per-attempt timeouts are ours.
        _http = http ?? new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        }) { Timeout = Timeout.InfiniteTimeSpan };
        if (options.Token is { Length: > 0 } token)
            _auth = new AuthenticationHeaderValue("Bearer", token);
        else if (options.Username is { Length: > 0 } user)
            _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")));
    }

    public Uri BaseUri { get; }

    public HttpClient Http => _http;

    public AuthenticationHeaderValue? Authorization => _auth;

    /// <summary>Calls <c>{base}/{path}</c>; GET and bodiless calls pass <paramref name="query"/>, others a JSON body.</summary>
    public async Task<JsonDocument> SendAsync(HttpMethod method, string path, Action<Utf8JsonWriter>? body, string? query = null, CancellationToken ct = default)
    {
        var payload = body is null ? null : Serialize(body);
        var uri = new Uri(BaseUri, query is null ? path : $"{path}?{query}");
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = _auth;
            if (payload is not null)
            {
                request.Content = new ByteArrayContent(payload);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            var last = attempt >= _options.MaxRetries;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException)
            {
                if (last)
                    throw new TrackingException(ErrorCode.InternalError, $"API request to {uri} failed after {attempt + 1} attempt(s): {Describe(e)}", e);
                await DelayAsync(attempt, null, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return bytes.Length == 0 ? JsonDocument.Parse("{}") : Parse(bytes, uri);
                var error = TryReadError(bytes);
                if (!last && IsRetryable(response.StatusCode, error is not null))
                {
                    await DelayAsync(attempt, response.Headers.RetryAfter?.Delta, ct).ConfigureAwait(false);
                    continue;
                }

                throw error ?? new TrackingException(ErrorCode.InternalError,
                    $"API request to {uri} failed with status {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(Encoding.UTF8.GetString(bytes))}");
            }
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    private static bool IsRetryable(HttpStatusCode status, bool hasMlflowError) => (int)status switch
    {
        429 or 502 or 503 or 504 => true,
        // MLflow's own errors (INVALID_STATE, INTERNAL_ERROR from the store) answer the same on every try.
        500 => !hasMlflowError,
        _ => false,
    };

    private Task DelayAsync(int attempt, TimeSpan? retryAfter, CancellationToken ct)
    {
        var backoff = _options.InitialBackoff * Math.Pow(2, Math.Min(attempt, 20));
        var delay = retryAfter is { } ra && ra > backoff ? ra : backoff;
        return Task.Delay(delay > _options.MaxBackoff ? _options.MaxBackoff : delay, _time, ct);
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonDocument Parse(byte[] bytes, Uri uri)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new TrackingException(ErrorCode.InternalError, $"API request to {uri} answered with a body that is not JSON: {Truncate(Encoding.UTF8.GetString(bytes))}", e);
        }
    }

    private static TrackingException? TryReadError(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var code = MlflowJsonReader.String(doc.RootElement, "error_code");
            return code is null ? null : new TrackingException(MlflowErrorCodes.Parse(code), MlflowJsonReader.String(doc.RootElement, "message") ?? code);
        }
        catch (Exception e) when (e is JsonException or TrackingException)
        {
            return null;
        }
    }

    private static string Describe(Exception e) => e is OperationCanceledException ? "timed out" : e.Message;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
