using Pipeline.Tracking;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Listing;

/// <summary>
/// The CLI's side of the composition root for the list commands: <c>--tracking-uri</c>, else <c>MLFLOW_TRACKING_URI</c>,
/// else <c>sqlite:///mlruns.db</c>; experiments created through it keep artifacts under <c>./mlartifacts</c>.
/// </summary>
internal static class TrackingStoreLocator
{
    /// <summary>The tracking URI by MLflow's precedence, read from the process environment.</summary>
    public static string ResolveUri(string? option) => Composition().Locate(option).TrackingUri;

    /// <summary>Opens the backend; a SQLite file that does not exist is an error rather than a new empty database.</summary>
    public static TrackingBackend Open(string uri)
    {
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && !File.Exists(SqliteTrackingStore.PathFromUri(uri)))
        {
            throw new TrackingException(ErrorCode.ResourceDoesNotExist,
                $"no tracking database at {Path.GetFullPath(SqliteTrackingStore.PathFromUri(uri))} (tracking URI '{uri}'); run 'pipeline run init-store' or pass --tracking-uri.");
        }

        var composition = Composition();
        return composition.Open(composition.Locate(uri));
    }

    private static TrackingComposition Composition() => TrackingComposition.CreateDefault(new ProcessEnvironmentVariables());
}
