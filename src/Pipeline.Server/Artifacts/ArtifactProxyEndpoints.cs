using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Pipeline.Server.Api;
using Pipeline.Server.Hosting;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Server.Artifacts;

/// <summary>
/// MLflow's artifact proxy (<c>/api/2.0/mlflow-artifacts/artifacts/...</c>): PUT uploads, GET downloads, DELETE
/// removes a file or folder, <c>GET artifacts?path=</c> lists a folder (base names, as MLflow answers). Bodies stream
/// to and from the destination repository, which refuses any path leaving it (400 INVALID_PARAMETER_VALUE). Paths are
/// percent-decoded once; an upload over <c>--max-artifact-upload-size</c> is refused with 413 RESOURCE_EXHAUSTED.
/// </summary>
internal static class ArtifactProxyEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static RouteGroupBuilder MapArtifactProxy(this RouteGroupBuilder group)
    {
        group.MapGet("/artifacts", List);
        group.MapGet("/artifacts/{**path}", Download);
        group.MapPut("/artifacts/{**path}", Upload);
        group.MapDelete("/artifacts/{**path}", Delete);
        return group;
    }

    /// <summary>
    /// The artifact path of the request, percent-decoded exactly once. Kestrel decodes the request path but keeps
    /// <c>%2F</c>, so the route value is neither raw nor decoded: decoding it again read <c>a%2541.txt</c> as
    /// <c>aA.txt</c>. The path is taken from the raw request target instead (as many trailing segments as the route
    /// value has) and decoded once, so <c>%2F</c> is a separator and <c>%25</c> a literal percent sign.
    /// </summary>
    internal static string Decoded(HttpContext http, string routeValue)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOfAny(['?', '#']);
        var rawSegments = (query < 0 ? raw : raw[..query]).Split('/');
        var count = routeValue.Split('/').Length;
        if (rawSegments.Length < count)
            throw new Pipeline.Tracking.TrackingException(Pipeline.Tracking.ErrorCode.InvalidParameterValue, $"Invalid artifact path '{routeValue}'");
        return Uri.UnescapeDataString(string.Join('/', rawSegments[^count..]));
    }

    private static async Task List(HttpContext http, ServerArtifacts artifacts)
    {
        var path = http.Request.Query["path"].FirstOrDefault() ?? "";
        var entries = await artifacts.Destination.ListAsync(path, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
            ArtifactListEndpoints.WriteFiles(w, entries.Select(e => e with { Path = e.Path[(e.Path.LastIndexOf('/') + 1)..] }).ToList()));
    }

    private static async Task Download(HttpContext http, string path, ServerArtifacts artifacts)
    {
        path = Decoded(http, path);
        await using var input = await artifacts.Destination.OpenReadAsync(path, http.RequestAborted);
        http.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (input.CanSeek)
            http.Response.ContentLength = input.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileName(path).Replace("\"", "", StringComparison.Ordinal)}\"";
        await input.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task Upload(HttpContext http, string path, ServerArtifacts artifacts, TrackingServerOptions options)
    {
        path = Decoded(http, path);
        var max = options.MaxArtifactUploadBytes;
        if (max > 0 && http.Request.ContentLength > max)
        {
            await UploadTooLargeAsync(http, path, max);
            return;
        }

        // Kestrel's 30 MB default would cut models and data splits; the server's own limit replaces it (none when 0).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max > 0 ? max : null;
        try
        {
            await artifacts.Destination.WriteAsync(path, http.Request.Body, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body that grew past the limit: the partial file is already removed by the repository.
            await UploadTooLargeAsync(http, path, max);
            return;
        }

        await JsonResponse.EmptyAsync(http);
    }

    private static Task UploadTooLargeAsync(HttpContext http, string path, long max) =>
        MlflowErrorMiddleware.WriteErrorAsync(http, UploadTooLargeCode,
            $"Artifact '{path}' is larger than this server accepts per file ({max} bytes, --max-artifact-upload-size).",
            StatusCodes.Status413PayloadTooLarge);

    /// <summary>The error code of a refused upload: MLflow's name for a request over a quota.</summary>
    internal const string UploadTooLargeCode = "RESOURCE_EXHAUSTED";

    private static async Task Delete(HttpContext http, string path, ServerArtifacts artifacts)
    {
        path = Decoded(http, path);
        // An empty path would name the whole destination: never delete every experiment's files through one request.
        if (string.IsNullOrWhiteSpace(path.Replace("/", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)))
            throw new Pipeline.Tracking.TrackingException(Pipeline.Tracking.ErrorCode.InvalidParameterValue, "Invalid artifact path '': deleting the artifact root is not allowed");
        await artifacts.Destination.DeleteAsync(path, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }
}
