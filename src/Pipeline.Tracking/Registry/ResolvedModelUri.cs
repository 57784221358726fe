namespace Pipeline.Tracking.Registry;

/// <summary>
/// Where a model URI points: <paramref name="ArtifactUri"/> is the folder to download (never a <c>runs:/</c> or
/// <c>models:/</c> URI); <paramref name="Version"/> is the registry version for a <c>models:/</c> URI, null for <c>runs:/</c>;
/// <paramref name="RunId"/> is the run that produced the model when known.
/// </summary>
public sealed record ResolvedModelUri(string ArtifactUri, ModelVersion? Version, string? RunId);
