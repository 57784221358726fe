using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Composition;

/// <summary>Opens the artifact repository rooted at a URI of one scheme; registered in <see cref="TrackingComposition"/>.</summary>
/// <param name="uri">The repository's root URI, e.g. <c>mlflow-artifacts:/1/abc/artifacts</c>.</param>
/// <param name="context">Environment, clock, HTTP client and tracking server.</param>
public delegate IArtifactRepository ArtifactRepositoryFactory(string uri, BackendContext context);
