using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public sealed partial class SqlModelRegistry
{
    /// <inheritdoc />
    public async Task<ModelVersion> TransitionModelVersionStageAsync(string name, long version, string stage, bool archiveExistingVersions = false,
        CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        var target = RegistryValidation.ValidateTransitionStage(stage, archiveExistingVersions);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var now = Now();
        // The model row first: on PostgreSQL its lock queues concurrent transitions of one model, so two that archive each
        // other's versions cannot deadlock. MLflow looks the version up, not the model, so a missing model reads the same.
        var models = await Sql.ExecuteAsync(connection, transaction, "UPDATE registered_models SET last_updated_time = @now WHERE name = @name", ct,
            ("now", now), ("name", name)).ConfigureAwait(false);
        var moved = models == 0 ? 0 : await Sql.ExecuteAsync(connection, transaction, """
            UPDATE model_versions SET current_stage = @stage, last_updated_time = @now
            WHERE name = @name AND version = @version AND current_stage <> @deleted
            """, ct, ("stage", target), ("now", now), ("name", name), ("version", version), ("deleted", ModelVersionStages.DeletedInternal)).ConfigureAwait(false);
        if (moved == 0)
        {
            throw VersionNotFound(name, version);
        }

        if (archiveExistingVersions)
        {
            // Deleted versions are in Deleted_Internal, never in an active stage, so they are not touched.
            await Sql.ExecuteAsync(connection, transaction, """
                UPDATE model_versions SET current_stage = @archived, last_updated_time = @now
                WHERE name = @name AND version <> @version AND current_stage = @stage
                """, ct, ("archived", ModelVersionStages.Archived), ("now", now), ("name", name), ("version", version), ("stage", target)).ConfigureAwait(false);
        }

        var result = await ReadVersionAsync(connection, transaction, name, version, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }
}
