using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// <c>/runs/{id}/artifact?path=</c>: one artifact file's bytes, read through the run's artifact repository. Images and
/// plain text are shown inline; everything else is a download, so that no artifact can run as a page of this site.
/// </summary>
internal static class ArtifactFile
{
    private static readonly Dictionary<string, string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".txt"] = "text/plain; charset=utf-8",
        [".json"] = "text/plain; charset=utf-8",
        [".yaml"] = "text/plain; charset=utf-8",
        [".csv"] = "text/plain; charset=utf-8",
        [".log"] = "text/plain; charset=utf-8",
    };

    public static async Task ServeAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<ITrackingStore>();
        var run = await store.GetRunAsync((string)http.Request.RouteValues["id"]!, http.RequestAborted);
        var path = http.QueryValue("path") ?? throw new TrackingException(ErrorCode.InvalidParameterValue, "Query parameter 'path' (the artifact's path in the run) is missing.");
        var (repository, prefix) = http.RequestServices.GetRequiredService<ServerArtifacts>().Resolve(run.Info.ArtifactUri);
        await using var content = await repository.OpenReadAsync(ArtifactListEndpoints.Join(prefix, path), http.RequestAborted);
        var name = Path.GetFileName(path);
        var known = InlineTypes.TryGetValue(Path.GetExtension(name), out var type);
        http.Response.ContentType = known ? type : "application/octet-stream";
        if (!known)
        {
            // RFC 6266: filename* carries any name in UTF-8; the plain filename is the fallback of older clients.
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(name);
            http.Response.Headers.ContentDisposition = disposition.ToString();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        await content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
