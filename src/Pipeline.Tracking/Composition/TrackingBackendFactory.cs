using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Composition;

/// <summary>Opens the tracking store and model registry for one URI scheme; registered in <see cref="TrackingComposition"/>.</summary>
/// <param name="storeUri">The full store URI, e.g. <c>sqlite:///mlruns.db</c>.</param>
/// <param name="defaultArtifactRoot">Artifact root for experiments created without an artifact location.</param>
/// <param name="context">Environment, clock, HTTP client and tracking server.</param>
public delegate (Stores.ITrackingStore Store, IModelRegistry Registry) TrackingBackendFactory(string storeUri, string defaultArtifactRoot, BackendContext context);
