namespace Pipeline.Tracking.Stores;

/// <summary>Opens a tracking store from its URI; registered per scheme in a <see cref="TrackingStoreRegistry"/>.</summary>
/// <param name="storeUri">The full store URI, e.g. <c>sqlite:///mlruns.db</c>.</param>
/// <param name="defaultArtifactRoot">Artifact root for experiments created without an artifact location.</param>
/// <param name="timeProvider">The clock the store uses.</param>
public delegate ITrackingStore TrackingStoreFactory(string storeUri, string defaultArtifactRoot, TimeProvider timeProvider);
