namespace Pipeline.Stages.Spec;

/// <summary>
/// The <c>tracking</c> section. Relative paths in both values are relative to the current directory of the
/// process that runs the stage, as with MLflow's own <c>MLFLOW_TRACKING_URI</c>; CI runs from the repository
/// root, so the defaults put <c>mlruns.db</c> and <c>mlartifacts/</c> there.
/// </summary>
/// <param name="Uri"><c>uri</c> (string, default <c>sqlite:///mlruns.db</c>): the tracking store URI.</param>
/// <param name="ArtifactRoot">
/// <c>artifact_root</c> (string, default <c>./mlartifacts</c>): where new experiments store artifacts.
/// </param>
public sealed record TrackingSpec(string Uri, string ArtifactRoot)
{
    /// <summary>The default tracking URI, <c>sqlite:///mlruns.db</c>.</summary>
    public const string DefaultUri = "sqlite:///mlruns.db";

    /// <summary>The default artifact root, <c>./mlartifacts</c>.</summary>
    public const string DefaultArtifactRoot = "./mlartifacts";

    /// <summary>Both defaults.</summary>
    public static TrackingSpec Default { get; } = new(DefaultUri, DefaultArtifactRoot);
}
