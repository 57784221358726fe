namespace Pipeline.Tracking.Registry;

/// <summary>A tag of a registered model or of a model version (MLflow's <c>RegisteredModelTag</c> / <c>ModelVersionTag</c>).</summary>
public sealed record RegistryTag(string Key, string Value);
