using System.Data.Common;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public sealed partial class SqlModelRegistry
{
    /// <inheritdoc />
    public async Task<RegisteredModel> CreateRegisteredModelAsync(string name, IReadOnlyList<RegistryTag>? tags = null, string? description = null, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        foreach (var tag in tags ?? [])
        {
            RegistryValidation.ValidateTag(tag);
        }

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        try
        {
            await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
            if (await ModelExistsAsync(connection, transaction, name, ct).ConfigureAwait(false))
            {
                throw ModelAlreadyExists(name);
            }

            var now = Now();
            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO registered_models (name, creation_time, last_updated_time, description) VALUES (@name, @now, @now, @description)", ct,
                ("name", name), ("now", now), ("description", description)).ConfigureAwait(false);
            foreach (var tag in tags ?? [])
            {
                await UpsertModelTagAsync(connection, transaction, name, tag, ct).ConfigureAwait(false);
            }

            var model = await ReadModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return model;
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            // Another process created the same name between our check and our insert.
            throw ModelAlreadyExists(name, e);
        }
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await ReadModelAsync(connection, null, name, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(newName, "new_name");
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        try
        {
            await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
            await TouchModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
            if (newName != name && await ModelExistsAsync(connection, transaction, newName, ct).ConfigureAwait(false))
            {
                throw ModelAlreadyExists(newName);
            }

            // Versions, tags and aliases follow through ON UPDATE CASCADE.
            var now = Now();
            await Sql.ExecuteAsync(connection, transaction, "UPDATE registered_models SET name = @new, last_updated_time = @now WHERE name = @name", ct,
                ("new", newName), ("now", now), ("name", name)).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, transaction, "UPDATE model_versions SET last_updated_time = @now WHERE name = @name", ct,
                ("now", now), ("name", newName)).ConfigureAwait(false);
            var model = await ReadModelAsync(connection, transaction, newName, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return model;
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            throw ModelAlreadyExists(newName, e);
        }
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await TouchModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, "UPDATE registered_models SET description = @description WHERE name = @name", ct,
            ("description", description), ("name", name)).ConfigureAwait(false);
        var model = await ReadModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return model;
    }

    /// <inheritdoc />
    public async Task DeleteRegisteredModelAsync(string name, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await TouchModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        // Explicit child deletes, children first, so the result does not hang on the foreign-key cascade being enabled.
        foreach (var table in new[] { "model_version_tags", "registered_model_aliases", "model_versions", "registered_model_tags", "registered_models" })
        {
            await Sql.ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE name = @name", ct, ("name", name)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetRegisteredModelTagAsync(string name, RegistryTag tag, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateTag(tag);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await RequireModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        await UpsertModelTagAsync(connection, transaction, name, tag, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteRegisteredModelTagAsync(string name, string key, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateTagKey(key);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await RequireModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, "DELETE FROM registered_model_tags WHERE name = @name AND key = @key", ct,
            ("name", name), ("key", key)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<bool> ModelExistsAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken ct) =>
        await Sql.ScalarAsync(connection, transaction, "SELECT 1 FROM registered_models WHERE name = @name", ct, ("name", name)).ConfigureAwait(false) is not null;

    private static async Task RequireModelAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken ct)
    {
        if (!await ModelExistsAsync(connection, transaction, name, ct).ConfigureAwait(false))
        {
            throw ModelNotFound(name);
        }
    }

    /// <summary>
    /// Sets last_updated_time, which also takes the model row's write lock on PostgreSQL: concurrent version creators of
    /// one model queue here, so MAX(version) + 1 read afterwards is never handed out twice. Throws when there is no such model.
    /// </summary>
    private async Task TouchModelAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken ct)
    {
        var updated = await Sql.ExecuteAsync(connection, transaction, "UPDATE registered_models SET last_updated_time = @now WHERE name = @name", ct,
            ("now", Now()), ("name", name)).ConfigureAwait(false);
        if (updated == 0)
        {
            throw ModelNotFound(name);
        }
    }

    private static Task UpsertModelTagAsync(DbConnection connection, DbTransaction transaction, string name, RegistryTag tag, CancellationToken ct) =>
        Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO registered_model_tags (key, value, name) VALUES (@key, @value, @name)
            ON CONFLICT (key, name) DO UPDATE SET value = excluded.value
            """, ct, ("key", tag.Key), ("value", tag.Value), ("name", name));

    private static TrackingException ModelNotFound(string name) =>
        new(ErrorCode.ResourceDoesNotExist, $"Registered Model with name={name} not found");

    private static TrackingException ModelAlreadyExists(string name, Exception? inner = null) =>
        new(ErrorCode.ResourceAlreadyExists, $"Registered Model (name={name}) already exists.", inner);
}
