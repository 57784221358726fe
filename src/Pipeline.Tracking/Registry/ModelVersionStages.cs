namespace Pipeline.Tracking.Registry;

/// <summary>MLflow's (deprecated) model version stages; new versions are in <see cref="None"/>.</summary>
public static class ModelVersionStages
{
    public const string None = "None";
    public const string Staging = "Staging";
    public const string Production = "Production";
    public const string Archived = "Archived";

    /// <summary>Marks a deleted version: its row stays so that its number is never handed out again.</summary>
    internal const string DeletedInternal = "Deleted_Internal";

    /// <summary>The four visible stages, in MLflow's order.</summary>
    public static IReadOnlyList<string> All { get; } = [None, Staging, Production, Archived];

    /// <summary>The stages a transition may archive the other versions of (MLflow's <c>DEFAULT_STAGES_FOR_GET_LATEST_VERSIONS</c>).</summary>
    public static IReadOnlyList<string> Active { get; } = [Staging, Production];

    /// <summary>The stage's canonical spelling (matching ignores case); INVALID_PARAMETER_VALUE for an unknown stage.</summary>
    public static string Canonical(string stage) =>
        All.FirstOrDefault(s => string.Equals(s, stage, StringComparison.OrdinalIgnoreCase))
        ?? throw new TrackingException(ErrorCode.InvalidParameterValue,
            $"Invalid Model Version stage: {stage}. Value must be one of {string.Join(", ", All)}.");
}
