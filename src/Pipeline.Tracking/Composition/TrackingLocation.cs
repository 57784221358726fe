using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Composition;

/// <summary>Where runs and artifacts live, once the command line, the environment and the pipeline file have had their say.</summary>
/// <param name="TrackingUri">The store URI, e.g. <c>sqlite:///mlruns.db</c>, <c>postgresql://...</c>, <c>http://host:5000</c>.</param>
/// <param name="ArtifactRoot">The default artifact root as a URI, e.g. <c>file:///work/mlartifacts</c> or <c>s3://bucket/prefix</c>.</param>
public sealed record TrackingLocation(string TrackingUri, string ArtifactRoot)
{
    /// <summary>The environment variable MLflow's clients read the tracking URI from.</summary>
    public const string TrackingUriVariable = "MLFLOW_TRACKING_URI";

    /// <summary>The tracking URI when nothing names one: a SQLite file in the current directory.</summary>
    public const string DefaultTrackingUri = "sqlite:///mlruns.db";

    /// <summary>The artifact root when nothing names one: <c>./mlartifacts</c>.</summary>
    public const string DefaultArtifactRoot = "./mlartifacts";

    /// <summary>
    /// Precedence: <paramref name="explicitUri"/> (<c>--tracking-uri</c>), then <c>MLFLOW_TRACKING_URI</c> (so a CI job
    /// can point any pipeline at a shared store), then <paramref name="fileUri"/> (the pipeline file's
    /// <c>tracking.uri</c>), then <see cref="DefaultTrackingUri"/>. A local artifact root is resolved against
    /// <paramref name="currentDirectory"/> into a <c>file://</c> URI, as MLflow resolves it; other URIs stay as given.
    /// </summary>
    public static TrackingLocation Resolve(string? explicitUri, string? fileUri, string? artifactRoot, IEnvironmentVariables environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var uri = NullIfBlank(explicitUri) ?? NullIfBlank(environment.Get(TrackingUriVariable)) ?? NullIfBlank(fileUri) ?? DefaultTrackingUri;
        return new TrackingLocation(uri, ToUri(NullIfBlank(artifactRoot) ?? DefaultArtifactRoot, currentDirectory));
    }

    /// <summary>The tracking URI with any password hidden, for messages and logs.</summary>
    public string RedactedTrackingUri => Stores.PostgresUri.Redact(TrackingUri);

    private static string ToUri(string root, string currentDirectory)
    {
        if (Uri.TryCreate(root, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1)
            return root;
        return new Uri(Path.GetFullPath(root, currentDirectory)).AbsoluteUri;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
