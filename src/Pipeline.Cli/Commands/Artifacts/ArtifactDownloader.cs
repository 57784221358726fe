using Pipeline.Cli.Listing;
using Pipeline.Ml.Models;
using Pipeline.Tracking;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Commands.Artifacts;

/// <summary>
/// Downloads what an artifact URI names, as MLflow's <c>download_artifacts(artifact_uri=...)</c> does:
/// <c>models:/name@alias</c> (or <c>/version</c>, <c>/stage</c>, <c>/latest</c>) lands as the model's files directly in the
/// destination; <c>runs:/id/path</c> and a repository URI (<c>file:</c>, <c>mlflow-artifacts:</c>, a local path) land under
/// their last path segment, <c>runs:/id</c> alone as the run's whole artifact root. A downloaded model directory with a
/// <c>manifest.json</c> is checked file by file against its sizes and SHA-256.
/// </summary>
internal static class ArtifactDownloader
{
    public static async Task<string> DownloadAsync(StoreSession session, string artifactUri, string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(destination);
        if (artifactUri.StartsWith("models:", StringComparison.Ordinal) || artifactUri.StartsWith("runs:", StringComparison.Ordinal))
        {
            var uri = ModelUri.Parse(artifactUri);
            ResolvedModelUri resolved;
            try
            {
                resolved = await new ModelUriResolver(session.Registry, session.Tracking).ResolveAsync(uri, ct);
            }
            catch (TrackingException e)
            {
                // The URI parsed, so what failed is a lookup (MLflow answers an unknown alias with INVALID_PARAMETER_VALUE):
                // not found, exit 1. "Registered model alias champion not found." does not say of which model: the URI does.
                throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"{artifactUri}: {e.Message}", e);
            }

            if (uri.Kind != ModelUriKind.Run || string.IsNullOrEmpty(uri.Path))
            {
                var local = await session.Artifacts.Open(resolved.ArtifactUri).DownloadAsync("", destination, ct);
                if (uri.Kind != ModelUriKind.Run)
                    Verify(local, artifactUri);
                return local;
            }

            return await DownloadLastSegmentAsync(session, resolved.ArtifactUri, destination, ct);
        }

        return await DownloadLastSegmentAsync(session, artifactUri, destination, ct);
    }

    /// <summary>Downloads the repository path at <paramref name="root"/> + <paramref name="artifactPath"/>; a model directory is verified.</summary>
    public static async Task<string> DownloadFromAsync(StoreSession session, string root, string artifactPath, string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(destination);
        var local = await session.Artifacts.Open(root).DownloadAsync(artifactPath, destination, ct);
        if (Directory.Exists(local) && File.Exists(Path.Combine(local, ModelManifest.FileName)))
            Verify(local, artifactPath);
        return local;
    }

    private static Task<string> DownloadLastSegmentAsync(StoreSession session, string uri, string destination, CancellationToken ct)
    {
        var trimmed = uri.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        // "file:///a/b" splits into root "file:///a" and path "b"; a URI with no path segment is downloaded whole.
        return slash <= trimmed.IndexOf(':') + 2
            ? DownloadFromAsync(session, trimmed, "", destination, ct)
            : DownloadFromAsync(session, trimmed[..slash], trimmed[(slash + 1)..], destination, ct);
    }

    /// <summary>Every file the manifest lists must be there with its size and SHA-256; extra files are left alone.</summary>
    private static void Verify(string directory, string source)
    {
        if (!Directory.Exists(directory) || !File.Exists(Path.Combine(directory, ModelManifest.FileName)))
        {
            Console.Error.WriteLine($"note: {source} has no {ModelManifest.FileName}; its files were not verified.");
            return;
        }

        IReadOnlyList<ModelFileProblem> problems;
        try
        {
            problems = ModelDirectoryVerifier.Verify(directory).Where(p => p.Kind != ModelFileProblemKind.Unexpected).ToList();
        }
        catch (ModelFormatException e)
        {
            throw new TrackingException(ErrorCode.InvalidState, $"{source}: {e.Message}", e);
        }

        if (problems.Count > 0)
        {
            throw new TrackingException(ErrorCode.InvalidState,
                $"{source} downloaded to {directory} does not match its {ModelManifest.FileName}: {string.Join(" ", problems.Select(p => p.Message))}");
        }
    }
}
