using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Pipeline.Server.Api;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Server.Artifacts;

/// <summary>
/// MLflow's artifact proxy (<c>/api/2.0/mlflow-artifacts/artifacts/...</c>): PUT uploads, GET downloads, DELETE
/// removes a file or folder, <c>GET artifacts?path=</c> lists a folder (base names, as MLflow answers). Bodies stream
/// to and from the destination repository, which refuses any path leaving it (400 INVALID_PARAMETER_VALUE).
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

    // A catch-all route value keeps %2F encoded; decode it so "..%2F.." is checked (and refused) as the traversal it is.
    private static string Decoded(string path) => Uri.UnescapeDataString(path);

    private static async Task List(HttpContext http, ServerArtifacts artifacts)
    {
        var path = http.Request.Query["path"].FirstOrDefault() ?? "";
        var entries = await artifacts.Destination.ListAsync(path, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
            ArtifactListEndpoints.WriteFiles(w, entries.Select(e => e with { Path = e.Path[(e.Path.LastIndexOf('/') + 1)..] }).ToList()));
    }

    private static async Task Download(HttpContext http, string path, ServerArtifacts artifacts)
    {
        path = Decoded(path);
        await using var input = await artifacts.Destination.OpenReadAsync(path, http.RequestAborted);
        http.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (input.CanSeek)
            http.Response.ContentLength = input.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileName(path).Replace("\"", "", StringComparison.Ordinal)}\"";
        await input.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task Upload(HttpContext http, string path, ServerArtifacts artifacts)
    {
        path = Decoded(path);
        // Artifacts (models, data splits) are routinely larger than Kestrel's 30 MB default; they stream to disk.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
        await artifacts.Destination.WriteAsync(path, http.Request.Body, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Delete(HttpContext http, string path, ServerArtifacts artifacts)
    {
        path = Decoded(path);
        // An empty path would name the whole destination: never delete every experiment's files through one request.
        if (string.IsNullOrWhiteSpace(path.Replace("/", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)))
            throw new Pipeline.Tracking.TrackingException(Pipeline.Tracking.ErrorCode.InvalidParameterValue, "Invalid artifact path '': deleting the artifact root is not allowed");
        await artifacts.Destination.DeleteAsync(path, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }
}
