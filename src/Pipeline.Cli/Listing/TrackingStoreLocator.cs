using Pipeline.Tracking;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Listing;

/// <summary>
/// Finds the tracking store the list commands read: <c>--tracking-uri</c>, else <c>MLFLOW_TRACKING_URI</c>, else
/// <c>sqlite:///mlruns.db</c>; experiments created through it keep artifacts under <c>./mlartifacts</c> (as a file URI).
/// </summary>
internal static class TrackingStoreLocator
{
    /// <summary>The store used when neither the option nor the environment names one.</summary>
    public const string DefaultUri = "sqlite:///mlruns.db";

    public static string ResolveUri(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable("MLFLOW_TRACKING_URI") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultUri;

    /// <summary>Opens the store; a SQLite file that does not exist is an error rather than a new empty database.</summary>
    public static ITrackingStore Open(string uri)
    {
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && !File.Exists(SqliteTrackingStore.PathFromUri(uri)))
        {
            throw new TrackingException(ErrorCode.ResourceDoesNotExist,
                $"no tracking database at {Path.GetFullPath(SqliteTrackingStore.PathFromUri(uri))} (tracking URI '{uri}'); run 'pipeline run init-store' or pass --tracking-uri.");
        }

        var artifactRoot = new Uri(Path.GetFullPath("mlartifacts")).AbsoluteUri;
        return TrackingStoreRegistry.CreateDefault().Open(uri, artifactRoot);
    }
}
