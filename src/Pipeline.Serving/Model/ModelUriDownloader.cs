using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Registry;

namespace Pipeline.Serving.Model;

/// <summary>
/// Turns what <c>--model</c> names into a local model directory: a local folder as it is, or a
/// <c>models:/name@alias</c>, <c>models:/name/3</c> or <c>runs:/id/path</c> URI resolved through the tracking store
/// and downloaded into a fresh temporary folder, or a model directory in an artifact repository named directly
/// (<c>s3://bucket/1/&lt;run&gt;/artifacts/model</c>, <c>wasbs://...</c>, <c>mlflow-artifacts:/...</c>), downloaded likewise
/// without opening any tracking store.
/// </summary>
public static class ModelUriDownloader
{
    /// <summary>True for <c>models:</c> and <c>runs:</c> URIs, which need the tracking store.</summary>
    public static bool IsRegistryUri(string modelUri) =>
        modelUri.StartsWith("models:", StringComparison.Ordinal) || modelUri.StartsWith("runs:", StringComparison.Ordinal);

    /// <summary>Resolves and, for store URIs, downloads the model.</summary>
    /// <param name="modelUri">A local directory, <c>file://</c> URI, <c>models:/</c> or <c>runs:/</c> URI.</param>
    /// <param name="trackingUri">The store for store URIs; default <c>MLFLOW_TRACKING_URI</c>, then <c>sqlite:///mlruns.db</c>.</param>
    /// <param name="composition">Opens the store, registry and artifact repositories (with its environment).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="DirectoryNotFoundException">A local directory that does not exist.</exception>
    /// <exception cref="TrackingException">The URI is malformed or names no model, version or run.</exception>
    public static async Task<ModelLocation> LocateAsync(string modelUri, string? trackingUri, TrackingComposition composition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelUri);
        if (!IsRegistryUri(modelUri) && !ArtifactUri.Parse(modelUri).IsLocal)
        {
            ArgumentNullException.ThrowIfNull(composition);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var context = new BackendContext(composition.Environment, composition.Time, http, TrackingServerOf(trackingUri ?? composition.Environment.Get("MLFLOW_TRACKING_URI")));
            var repository = composition.CreateArtifactRegistry(context).Open(modelUri);
            return await DownloadAsync(repository, null, cancellationToken).ConfigureAwait(false);
        }

        if (!IsRegistryUri(modelUri))
        {
            var local = modelUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(modelUri).LocalPath : modelUri;
            return Directory.Exists(local)
                ? new ModelLocation(Path.GetFullPath(local), null, null)
                : throw new DirectoryNotFoundException($"There is no model directory at '{Path.GetFullPath(local)}'.");
        }

        ArgumentNullException.ThrowIfNull(composition);
        // The artifact root only matters for new runs; a reading server never creates one.
        await using var backend = composition.Open(composition.Locate(trackingUri));
        var resolved = await new ModelUriResolver(backend.Registry, backend.Store).ResolveAsync(modelUri, cancellationToken).ConfigureAwait(false);
        var version = resolved.Version is { } v ? $"{v.Name}/{v.Version}" : null;
        return await DownloadAsync(backend.Artifacts.Open(resolved.ArtifactUri), version, cancellationToken).ConfigureAwait(false);
    }

    // Into a fresh temporary folder, removed with the location (or here when the download fails).
    private static async Task<ModelLocation> DownloadAsync(IArtifactRepository repository, string? version, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"pipeline-serve-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            var directory = await repository.DownloadAsync("", temporary, cancellationToken).ConfigureAwait(false);
            return new ModelLocation(directory, version, temporary);
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    private static Uri? TrackingServerOf(string? trackingUri) =>
        Uri.TryCreate(trackingUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
