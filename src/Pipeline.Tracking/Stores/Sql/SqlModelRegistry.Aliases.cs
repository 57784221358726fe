using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

public sealed partial class SqlModelRegistry
{
    /// <inheritdoc />
    public async Task SetRegisteredModelAliasAsync(string name, string alias, long version, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateAlias(alias);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await RequireVersionAsync(connection, transaction, name, version, ct).ConfigureAwait(false);
        // One row per (model, alias): setting an alias that names another version moves it.
        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO registered_model_aliases (alias, version, name) VALUES (@alias, @version, @name)
            ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version
            """, ct, ("alias", alias), ("version", version), ("name", name)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteRegisteredModelAliasAsync(string name, string alias, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateAlias(alias);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await RequireModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, "DELETE FROM registered_model_aliases WHERE name = @name AND alias = @alias", ct,
            ("name", name), ("alias", alias)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        RegistryValidation.ValidateAlias(alias);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var version = await Sql.ScalarAsync(connection, transaction, "SELECT version FROM registered_model_aliases WHERE name = @name AND alias = @alias", ct,
            ("name", name), ("alias", alias)).ConfigureAwait(false);
        return version is null
            ? throw new TrackingException(ErrorCode.InvalidParameterValue, $"Registered model alias {alias} not found.")
            : await ReadVersionAsync(connection, transaction, name, Convert.ToInt64(version), ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<string>? stages = null, CancellationToken ct = default)
    {
        RegistryValidation.ValidateModelName(name);
        var wanted = stages is { Count: > 0 } ? stages.Select(ModelVersionStages.Canonical).ToHashSet(StringComparer.Ordinal) : null;
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await RequireModelAsync(connection, transaction, name, ct).ConfigureAwait(false);
        var latest = await ReadLatestVersionsAsync(connection, transaction, [name], ct).ConfigureAwait(false);
        return latest.Where(v => wanted is null || wanted.Contains(v.CurrentStage)).ToList();
    }
}
