namespace Pipeline.Tracking.Registry;

/// <summary>An alias of a registered model (e.g. <c>champion</c>) and the one version it currently names.</summary>
public sealed record RegisteredModelAlias(string Alias, long Version);
