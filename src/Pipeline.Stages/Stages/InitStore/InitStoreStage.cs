using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.InitStore;

/// <summary>What init-store needs: the experiment to make sure of, and where the store and artifacts live.</summary>
public sealed record InitStoreInput(string ExperimentName, TrackingLocation Location);

/// <summary>What init-store did: the experiment's id, whether it was created, and the schema migrations it applied.</summary>
public sealed record InitStoreOutput(string ExperimentId, bool ExperimentCreated, IReadOnlyList<int> MigrationsApplied, int? SchemaVersion);

/// <summary>
/// Creates or migrates the tracking database and the artifact root, then creates the pipeline's experiment if it is
/// missing. Running it again changes nothing and says so.
/// </summary>
public sealed class InitStoreStage(ITrackingStore store, IStageReporter reporter)
{
    public async Task<InitStoreOutput> RunAsync(InitStoreInput input, CancellationToken ct = default)
    {
        var applied = await MigrateAsync(ct);
        var schemaVersion = store is ISchemaManagedStore managed ? await managed.GetSchemaVersionAsync(ct) : (int?)null;
        reporter.Info(applied.Count == 0
            ? $"Tracking store {Redacted(input.Location.TrackingUri)}: schema up to date (version {schemaVersion})."
            : $"Tracking store {Redacted(input.Location.TrackingUri)}: applied schema migration{(applied.Count == 1 ? "" : "s")} {string.Join(", ", applied)} (now version {schemaVersion}).");

        CreateLocalArtifactRoot(input.Location.ArtifactRoot);

        var existing = await store.GetExperimentByNameAsync(input.ExperimentName, ct);
        if (existing is { LifecycleStage: LifecycleStage.Deleted })
            throw new PipelineException($"Experiment '{input.ExperimentName}' (id {existing.ExperimentId}) is deleted. Restore it, or choose another experiment name in the pipeline file.");
        if (existing is not null)
        {
            reporter.Info($"Experiment '{existing.Name}' exists (id {existing.ExperimentId}, artifacts {existing.ArtifactLocation}).");
            return new InitStoreOutput(existing.ExperimentId, false, applied, schemaVersion);
        }

        string id;
        try
        {
            id = await store.CreateExperimentAsync(input.ExperimentName, ct: ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // Another pipeline created it between our lookup and our insert (the store's unique name decides): read
            // theirs and go on, as if it had been there all along.
            var theirs = await store.GetExperimentByNameAsync(input.ExperimentName, ct)
                ?? throw new PipelineException($"Experiment '{input.ExperimentName}' was reported as existing, but cannot be read: {e.Message}", e);
            reporter.Info($"Experiment '{theirs.Name}' was created meanwhile by another run (id {theirs.ExperimentId}).");
            return new InitStoreOutput(theirs.ExperimentId, false, applied, schemaVersion);
        }
        var created = await store.GetExperimentAsync(id, ct);
        reporter.Info($"Created experiment '{created.Name}' (id {id}, artifacts {created.ArtifactLocation}).");
        return new InitStoreOutput(id, true, applied, schemaVersion);
    }

    private Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct) =>
        store is ISchemaManagedStore managed ? managed.MigrateAsync(ct) : Task.FromResult<IReadOnlyList<int>>([]);

    private void CreateLocalArtifactRoot(string artifactRoot)
    {
        if (!Uri.TryCreate(artifactRoot, UriKind.Absolute, out var uri) || !uri.IsFile)
            return;
        if (Directory.Exists(uri.LocalPath))
        {
            reporter.Info($"Artifact root {uri.LocalPath} exists.");
            return;
        }
        Directory.CreateDirectory(uri.LocalPath);
        reporter.Info($"Created artifact root {uri.LocalPath}.");
    }

    private static string Redacted(string uri) => PostgresUri.Redact(uri);
}
