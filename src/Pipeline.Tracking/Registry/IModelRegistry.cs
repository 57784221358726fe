using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Registry;

/// <summary>
/// The model registry contract (MLflow's model registry <c>AbstractStore</c>): registered models, their numbered
/// versions, tags and aliases. Errors are <see cref="TrackingException"/> with MLflow's codes and messages:
/// RESOURCE_DOES_NOT_EXIST for an unknown model or version, RESOURCE_ALREADY_EXISTS for a taken name,
/// INVALID_PARAMETER_VALUE for bad input. Versions are given as numbers; <see cref="ModelVersion.VersionText"/> spells them.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Creates a model with no versions.</summary>
    Task<RegisteredModel> CreateRegisteredModelAsync(string name, IReadOnlyList<RegistryTag>? tags = null, string? description = null, CancellationToken ct = default);

    Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken ct = default);

    /// <summary>Renames the model; its versions, tags and aliases follow.</summary>
    Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, CancellationToken ct = default);

    /// <summary>Sets the description (null clears it).</summary>
    Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, CancellationToken ct = default);

    /// <summary>Deletes the model with all its versions, tags and aliases.</summary>
    Task DeleteRegisteredModelAsync(string name, CancellationToken ct = default);

    Task<PagedList<RegisteredModel>> SearchRegisteredModelsAsync(RegisteredModelQuery query, CancellationToken ct = default);

    /// <summary>The newest live version of each requested stage (every stage when <paramref name="stages"/> is null or empty).</summary>
    Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<string>? stages = null, CancellationToken ct = default);

    Task SetRegisteredModelTagAsync(string name, RegistryTag tag, CancellationToken ct = default);

    /// <summary>Removes the tag; a missing key is not an error (as MLflow's SQL store).</summary>
    Task DeleteRegisteredModelTagAsync(string name, string key, CancellationToken ct = default);

    /// <summary>
    /// Adds the next version (highest version ever created for the model + 1, atomic across processes), READY at once.
    /// A <c>models:/</c> <paramref name="source"/> is resolved to that version's storage location for downloads.
    /// </summary>
    Task<ModelVersion> CreateModelVersionAsync(
        string name,
        string source,
        string? runId = null,
        IReadOnlyList<RegistryTag>? tags = null,
        string? runLink = null,
        string? description = null,
        CancellationToken ct = default);

    Task<ModelVersion> GetModelVersionAsync(string name, long version, CancellationToken ct = default);

    /// <summary>Sets the description (null clears it).</summary>
    Task<ModelVersion> UpdateModelVersionAsync(string name, long version, string? description, CancellationToken ct = default);

    /// <summary>
    /// Moves the version to <paramref name="stage"/>, one of MLflow's (deprecated) stages None, Staging, Production, Archived:
    /// matched ignoring case and stored in its canonical spelling. With <paramref name="archiveExistingVersions"/> (default
    /// false, allowed only for Staging and Production) the model's other versions in that stage move to Archived in the same
    /// write. The version, every version archived and the model get one new last-updated time. Returns the moved version.
    /// INVALID_PARAMETER_VALUE for an unknown stage or archiving into None/Archived; RESOURCE_DOES_NOT_EXIST
    /// "Model Version (name=…, version=…) not found" for an unknown model, version or a deleted version.
    /// </summary>
    Task<ModelVersion> TransitionModelVersionStageAsync(string name, long version, string stage, bool archiveExistingVersions = false, CancellationToken ct = default);

    /// <summary>Deletes the version and the aliases naming it; its number is not reused.</summary>
    Task DeleteModelVersionAsync(string name, long version, CancellationToken ct = default);

    Task<PagedList<ModelVersion>> SearchModelVersionsAsync(ModelVersionQuery query, CancellationToken ct = default);

    /// <summary>Where the version's files can be read: its storage location, else its source.</summary>
    Task<string> GetModelVersionDownloadUriAsync(string name, long version, CancellationToken ct = default);

    Task SetModelVersionTagAsync(string name, long version, RegistryTag tag, CancellationToken ct = default);

    /// <summary>Removes the tag; a missing key is not an error (as MLflow's SQL store).</summary>
    Task DeleteModelVersionTagAsync(string name, long version, string key, CancellationToken ct = default);

    /// <summary>
    /// Points <paramref name="alias"/> at the version, moving it when it named another one. Aliases match <c>[\w-]+</c>,
    /// are at most 255 characters, and may be neither <c>latest</c> nor <c>v&lt;digits&gt;</c>.
    /// </summary>
    Task SetRegisteredModelAliasAsync(string name, string alias, long version, CancellationToken ct = default);

    /// <summary>Removes the alias; a missing alias is not an error (as MLflow's SQL store).</summary>
    Task DeleteRegisteredModelAliasAsync(string name, string alias, CancellationToken ct = default);

    /// <summary>The version the alias names; INVALID_PARAMETER_VALUE "Registered model alias {alias} not found." when none.</summary>
    Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken ct = default);
}
