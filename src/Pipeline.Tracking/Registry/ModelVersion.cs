namespace Pipeline.Tracking.Registry;

/// <summary>
/// One numbered version of a registered model (MLflow's <c>ModelVersion</c>). <paramref name="Version"/> counts 1, 2, ...
/// per model and is never reused, even after a delete; MLflow's JSON writes it as a string (<see cref="VersionText"/>).
/// <paramref name="Source"/> is the model's artifact location as given at registration (e.g. <c>runs:/&lt;id&gt;/model</c>);
/// <paramref name="CurrentStage"/> is one of <see cref="ModelVersionStages.All"/>: "None" until a stage transition moves it. Times are Unix ms.
/// </summary>
public sealed record ModelVersion(
    string Name,
    long Version,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string? Description,
    string? UserId,
    string CurrentStage,
    string? Source,
    string? RunId,
    string? RunLink,
    ModelVersionStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The version as MLflow's REST API and URIs spell it.</summary>
    public string VersionText => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
