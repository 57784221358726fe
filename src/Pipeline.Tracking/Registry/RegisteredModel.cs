namespace Pipeline.Tracking.Registry;

/// <summary>
/// A named model in the registry (MLflow's <c>RegisteredModel</c>). Times are Unix ms.
/// <paramref name="LatestVersions"/> holds the newest live version of each stage (with every version in stage
/// "None" that is just the newest version); <paramref name="Aliases"/> lists the aliases and the versions they name.
/// </summary>
public sealed record RegisteredModel(
    string Name,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string? Description,
    IReadOnlyList<ModelVersion> LatestVersions,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<RegisteredModelAlias> Aliases);
