using System.Data.Common;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public sealed partial class SqlModelRegistry
{
    /// <summary>As MLflow: a version-number collision (only possible if the row lock is bypassed) is retried this often.</summary>
    private const int CreateModelVersionAttempts = 3;

    /// <inheritdoc />
    public async Task<ModelVersion> CreateModelVersionAsync(string name, string source, string? runId = null, IReadOnlyList<RegistryTag>? tags = null,
        string? runLink = null, string? description = null, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var tag in tags ?? [])
        {
            RegistryValidation.ValidateTag(tag);
        }

        var storageLocation = source.StartsWith("models:", StringComparison.Ordinal) ? await ResolveSourceAsync(source, ct).ConfigureAwait(false) : source;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertModelVersionAsync(name, source, storageLocation, runId, tags ?? [], runLink, description, ct).ConfigureAwait(false);
            }
            catch (DbException e) when (_dialect.IsUniqueViolation(e))
            {
                if (attempt == CreateModelVersionAttempts)
                {
                    throw new TrackingException(ErrorCode.InternalError,
                        $"Model Version creation error (name={name}). Giving up after {CreateModelVersionAttempts} attempts.", e);
                }
            }
        }
    }

    private async Task<ModelVersion> InsertModelVersionAsync(string name, string source, string storageLocation, string? runId,
        IReadOnlyList<RegistryTag> tags, string? runLink, string? description, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await TouchModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        // Deleted versions keep their rows, so a number is never handed out twice.
        var version = Convert.ToInt64(await Sql.ScalarAsync(connection, transaction,
            "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = @name", ct, ("name", name)).ConfigureAwait(false));
        var now = Now();
        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, current_stage, source, run_id,
                                        run_link, status, storage_location)
            VALUES (@name, @version, @now, @now, @description, @stage, @source, @run, @link, @status, @storage)
            """, ct, ("name", name), ("version", version), ("now", now), ("description", description), ("stage", ModelVersionStages.None),
            ("source", source), ("run", runId), ("link", runLink), ("status", ModelVersionStatus.Ready.ToMlflowName()),
            ("storage", storageLocation)).ConfigureAwait(false);
        foreach (var tag in tags)
        {
            await UpsertVersionTagAsync(connection, transaction, name, version, tag, ct).ConfigureAwait(false);
        }

        var created = await ReadVersionAsync(connection, transaction, name, version, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return created;
    }

    private async Task<string> ResolveSourceAsync(string source, CancellationToken ct)
    {
        try
        {
            var version = await new ModelUriResolver(this, _store).FindVersionAsync(ModelUri.Parse(source), ct).ConfigureAwait(false);
            return await GetModelVersionDownloadUriAsync(version.Name, version.Version, ct).ConfigureAwait(false);
        }
        catch (TrackingException e)
        {
            throw new TrackingException(e.Code, $"Unable to fetch model from model URI source artifact location '{source}'.Error: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionAsync(string name, long version, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, name, version, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> UpdateModelVersionAsync(string name, long version, string? description, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await UpdateLiveVersionAsync(connection, transaction, name, version, "description = @description", [("description", description)], ct).ConfigureAwait(false);
        var updated = await ReadVersionAsync(connection, transaction, name, version, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return updated;
    }

    /// <summary>As MLflow, the row stays (stage Deleted_Internal, fields redacted) so the number is never reused; tags and aliases go.</summary>
    public async Task DeleteModelVersionAsync(string name, long version, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await UpdateLiveVersionAsync(connection, transaction, name, version, """
            current_stage = @deleted, description = NULL, user_id = NULL, source = 'REDACTED-SOURCE-PATH', run_id = 'REDACTED-RUN-ID',
            run_link = 'REDACTED-RUN-LINK', status_message = NULL, storage_location = NULL
            """, [("deleted", ModelVersionStages.DeletedInternal)], ct).ConfigureAwait(false);
        await TouchModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        foreach (var table in new[] { "registered_model_aliases", "model_version_tags" })
        {
            await Sql.ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE name = @name AND version = @version", ct,
                ("name", name), ("version", version)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> GetModelVersionDownloadUriAsync(string name, long version, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null,
            "SELECT storage_location, source FROM model_versions WHERE name = @name AND version = @version AND current_stage <> @deleted",
            ("name", name), ("version", version), ("deleted", ModelVersionStages.DeletedInternal));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? reader.NullableString(0) ?? reader.NullableString(1) ?? ""
            : throw VersionNotFound(name, version);
    }

    /// <inheritdoc />
    public async Task SetModelVersionTagAsync(string name, long version, RegistryTag tag, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateTag(tag);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await RequireVersionAsync(connection, transaction, name, version, ct).ConfigureAwait(false);
        await UpsertVersionTagAsync(connection, transaction, name, version, tag, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteModelVersionTagAsync(string name, long version, string key, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateTagKey(key);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await RequireVersionAsync(connection, transaction, name, version, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, "DELETE FROM model_version_tags WHERE name = @name AND version = @version AND key = @key", ct,
            ("name", name), ("version", version), ("key", key)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task UpdateLiveVersionAsync(DbConnection connection, DbTransaction transaction, string name, long version, string assignments,
        (string, object?)[] binds, CancellationToken ct)
    {
        var updated = await Sql.ExecuteAsync(connection, transaction, $"""
            UPDATE model_versions SET {assignments}, last_updated_time = @now
            WHERE name = @name AND version = @version AND current_stage <> @live_deleted
            """, ct, [.. binds, ("now", Now()), ("name", name), ("version", version), ("live_deleted", ModelVersionStages.DeletedInternal)]).ConfigureAwait(false);
        if (updated == 0)
        {
            throw VersionNotFound(name, version);
        }
    }

    private static async Task RequireVersionAsync(DbConnection connection, DbTransaction? transaction, string name, long version, CancellationToken ct)
    {
        if (await Sql.ScalarAsync(connection, transaction,
                "SELECT 1 FROM model_versions WHERE name = @name AND version = @version AND current_stage <> @deleted", ct,
                ("name", name), ("version", version), ("deleted", ModelVersionStages.DeletedInternal)).ConfigureAwait(false) is null)
        {
            throw VersionNotFound(name, version);
        }
    }

    private static Task UpsertVersionTagAsync(DbConnection connection, DbTransaction transaction, string name, long version, RegistryTag tag, CancellationToken ct) =>
        Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO model_version_tags (key, value, name, version) VALUES (@key, @value, @name, @version)
            ON CONFLICT (key, name, version) DO UPDATE SET value = excluded.value
            """, ct, ("key", tag.Key), ("value", tag.Value), ("name", name), ("version", version));

    private static TrackingException VersionNotFound(string name, long version) =>
        new(ErrorCode.ResourceDoesNotExist, $"Model Version (name={name}, version={version}) not found");
}
