using Pipeline.Stages.Spec;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Running;

/// <summary>Where a pipeline's runs and artifacts live, once the command line, the environment and the pipeline file have had their say.</summary>
/// <param name="TrackingUri">The store URI, e.g. <c>sqlite:///mlruns.db</c>.</param>
/// <param name="ArtifactRoot">The default artifact root as a URI, e.g. <c>file:///work/mlartifacts</c>.</param>
public sealed record TrackingLocation(string TrackingUri, string ArtifactRoot)
{
    /// <summary>The environment variable MLflow's clients read the tracking URI from.</summary>
    public const string TrackingUriVariable = "MLFLOW_TRACKING_URI";

    /// <summary>
    /// Precedence: <c>--tracking-uri</c>, then <c>MLFLOW_TRACKING_URI</c> (so a CI job can point any pipeline at a
    /// shared store), then the file's <c>tracking.uri</c> (default <c>sqlite:///mlruns.db</c>). A local artifact
    /// root is resolved against <paramref name="currentDirectory"/>, as MLflow resolves it.
    /// </summary>
    public static TrackingLocation Resolve(StageOptions options, PipelineSpec spec, IEnvironmentVariables environment, string currentDirectory)
    {
        var uri = options.TrackingUri ?? NullIfEmpty(environment.Get(TrackingUriVariable)) ?? spec.Tracking.Uri;
        return new TrackingLocation(uri, ToUri(spec.Tracking.ArtifactRoot, currentDirectory));
    }

    private static string ToUri(string root, string currentDirectory)
    {
        if (Uri.TryCreate(root, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1)
            return root;
        return new Uri(Path.GetFullPath(root, currentDirectory)).AbsoluteUri;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
