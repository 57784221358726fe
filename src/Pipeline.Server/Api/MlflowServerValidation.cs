using Pipeline.Tracking;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Api;

/// <summary>
/// The checks MLflow's server makes in its handlers (<c>mlflow/server/handlers.py</c>) rather than in its stores, so an
/// embedded store stays as lenient as MLflow's own stores while the REST API refuses what MLflow's server refuses.
/// </summary>
internal static class MlflowServerValidation
{
    /// <summary>MLflow's default of <c>MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH</c>.</summary>
    public const int MaxArtifactLocationLength = 2048;

    /// <summary>
    /// <c>_validate_artifact_root_uri</c> for experiments/create: no fragment or params, no <c>..</c> in the query, not a
    /// <c>runs:</c> URI, at most 2048 characters. Each is INVALID_PARAMETER_VALUE.
    /// </summary>
    public static void ArtifactLocation(string location, string field = "artifact_location")
    {
        var uri = MlflowUri.Parse(location);
        if (uri.Fragment.Length > 0 || uri.Params.Length > 0)
            throw Invalid($"'{field}' URL can't include fragments or params.");
        if (MlflowUri.DecodeFully(uri.Query).Contains("..", StringComparison.Ordinal))
            throw Invalid("Invalid query string");
        if (location.StartsWith("runs:", StringComparison.Ordinal))
            throw Invalid($"Artifact location cannot be a runs:/ URI. Given: '{location}'");
        if (location.Length > MaxArtifactLocationLength)
        {
            throw Invalid("Invalid artifact path length. The length of the artifact path cannot be greater than " +
                          $"{MaxArtifactLocationLength} characters. To configure this limit, please set the " +
                          "MLFLOW_ARTIFACT_LOCATION_MAX_LENGTH environment variable.");
        }
    }

    /// <summary>
    /// <c>_validate_source_run</c> for model-versions/create: a local source (plain path or <c>file:</c>) is accepted only
    /// inside the local artifact folder of the run named by <paramref name="runId"/>; any other source must be free of
    /// relative path segments (<c>..</c>, <c>.</c>, NUL), even percent-encoded, so it cannot reach the server's files.
    /// </summary>
    public static async Task ModelVersionSourceAsync(string source, string? runId, ITrackingStore store, CancellationToken ct)
    {
        var uri = MlflowUri.Parse(source);
        if (uri.IsLocal)
        {
            var shown = source;
            if (!string.IsNullOrEmpty(runId))
            {
                var run = await store.GetRunAsync(runId, ct);
                var sourcePath = Path.GetFullPath(LocalPath(source));
                shown = sourcePath;
                var artifactUri = run.Info.ArtifactUri;
                if (artifactUri is not null && MlflowUri.Parse(artifactUri).IsLocal && IsSameOrInside(sourcePath, Path.GetFullPath(LocalPath(artifactUri))))
                    return;
            }

            throw Invalid($"Invalid model version source: '{shown}'. To use a local path as a model version source, the run_id " +
                          "request parameter has to be specified and the local path has to be contained within the artifact " +
                          "directory of the run specified by the run_id.");
        }

        NoRelativePaths(source);
    }

    private static void NoRelativePaths(string source)
    {
        var decoded = MlflowUri.DecodeFully(source, plusIsSpace: true);
        var path = MlflowUri.Parse(decoded).Path.TrimEnd('/');
        while (path.Contains("//", StringComparison.Ordinal))
            path = path.Replace("//", "/", StringComparison.Ordinal);
        // MLflow compares the path with its resolved form: it must be absolute and hold no "." or ".." segment. An empty
        // path (a bucket root such as s3://bucket) resolves to the server's working folder there and is refused by
        // accident; we accept it (COMPATIBILITY.md).
        var relative = path.Length > 0 && (!path.StartsWith('/') || path.Split('/').Any(s => s is "." or ".."));
        if (path.Contains('\0') || decoded.Split('/').Contains("..") || relative)
        {
            throw Invalid($"Invalid model version source: '{source}'. If supplying a source as an http, https, local file path, " +
                          "ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without relative path " +
                          "references present. Please provide an absolute path.");
        }
    }

    private static string LocalPath(string uri) =>
        uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(MlflowUri.Parse(uri).Path) : uri;

    private static bool IsSameOrInside(string path, string folder)
    {
        folder = folder.TrimEnd(Path.DirectorySeparatorChar);
        return path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static TrackingException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);
}
