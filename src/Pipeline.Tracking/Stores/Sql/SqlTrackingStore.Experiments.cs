using System.Data.Common;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    private const string ExperimentColumns = "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken ct = default)
    {
        try
        {
            return await CreateExperimentCoreAsync(name, artifactLocation, tags, ct).ConfigureAwait(false);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            // Another process created the same name between our check and our insert.
            throw new TrackingException(ErrorCode.ResourceAlreadyExists, $"Experiment(name={name}) already exists.", e);
        }
    }

    private async Task<string> CreateExperimentCoreAsync(string name, string? artifactLocation, IReadOnlyList<RunTag>? tags, CancellationToken ct)
    {
        TrackingValidation.ValidateExperimentName(name);
        foreach (var tag in tags ?? [])
        {
            TrackingValidation.ValidateExperimentTag(tag);
        }

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        if (await Sql.ScalarAsync(connection, transaction, "SELECT 1 FROM experiments WHERE name = @name", ct, ("name", name)).ConfigureAwait(false) is not null)
        {
            throw new TrackingException(ErrorCode.ResourceAlreadyExists, $"Experiment(name={name}) already exists.");
        }

        var now = Now();
        var id = Convert.ToInt64(await Sql.ScalarAsync(connection, transaction, """
            INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
            VALUES (@name, @loc, 'active', @now, @now) RETURNING experiment_id
            """, ct, ("name", name), ("loc", artifactLocation), ("now", now)).ConfigureAwait(false));
        if (string.IsNullOrEmpty(artifactLocation))
        {
            await Sql.ExecuteAsync(connection, transaction, "UPDATE experiments SET artifact_location = @loc WHERE experiment_id = @id", ct,
                ("loc", ExperimentArtifactLocation(id)), ("id", id)).ConfigureAwait(false);
        }

        foreach (var tag in tags ?? [])
        {
            await UpsertExperimentTagAsync(connection, transaction, id, tag, ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken ct = default)
    {
        var id = ParseExperimentId(experimentId);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var found = await ReadExperimentsAsync(connection, null, "WHERE experiment_id = @id", [("id", id)], ct).ConfigureAwait(false);
        return found.Count == 1 ? found[0] : throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No Experiment with id={experimentId} exists");
    }

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var found = await ReadExperimentsAsync(connection, null, "WHERE name = @name", [("name", name)], ct).ConfigureAwait(false);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Soft-deletes the experiment and, as MLflow does, its runs.</summary>
    public async Task DeleteExperimentAsync(string experimentId, CancellationToken ct = default) =>
        await SetExperimentLifecycleAsync(experimentId, LifecycleStage.Deleted, ct).ConfigureAwait(false);

    /// <summary>Restores a deleted experiment and, as MLflow does, its deleted runs.</summary>
    public async Task RestoreExperimentAsync(string experimentId, CancellationToken ct = default) =>
        await SetExperimentLifecycleAsync(experimentId, LifecycleStage.Active, ct).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task RenameExperimentAsync(string experimentId, string newName, CancellationToken ct = default)
    {
        TrackingValidation.ValidateExperimentName(newName);
        var id = ParseExperimentId(experimentId);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var stage = await GetExperimentStageAsync(connection, transaction, id, experimentId, ct).ConfigureAwait(false);
        if (stage != LifecycleStage.Active)
        {
            throw new TrackingException(ErrorCode.InvalidState, "Cannot rename a non-active experiment.");
        }

        if (await Sql.ScalarAsync(connection, transaction, "SELECT 1 FROM experiments WHERE name = @name AND experiment_id <> @id", ct,
                ("name", newName), ("id", id)).ConfigureAwait(false) is not null)
        {
            throw new TrackingException(ErrorCode.ResourceAlreadyExists, $"Experiment(name={newName}) already exists.");
        }

        await Sql.ExecuteAsync(connection, transaction, "UPDATE experiments SET name = @name, last_update_time = @now WHERE experiment_id = @id", ct,
            ("name", newName), ("now", Now()), ("id", id)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetExperimentTagAsync(string experimentId, RunTag tag, CancellationToken ct = default)
    {
        TrackingValidation.ValidateExperimentTag(tag);
        var id = ParseExperimentId(experimentId);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var stage = await GetExperimentStageAsync(connection, transaction, id, experimentId, ct).ConfigureAwait(false);
        if (stage != LifecycleStage.Active)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"The experiment {experimentId} must be in the 'active' state. Current state is {stage.ToMlflowName()}.");
        }

        await UpsertExperimentTagAsync(connection, transaction, id, tag, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken ct = default)
    {
        var id = ParseExperimentId(experimentId);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var stage = await GetExperimentStageAsync(connection, transaction, id, experimentId, ct).ConfigureAwait(false);
        if (stage != LifecycleStage.Active)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"The experiment {experimentId} must be in the 'active' state. Current state is {stage.ToMlflowName()}.");
        }

        var deleted = await Sql.ExecuteAsync(connection, transaction, "DELETE FROM experiment_tags WHERE experiment_id = @id AND key = @key", ct,
            ("id", id), ("key", key)).ConfigureAwait(false);
        if (deleted == 0)
            throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No tag with name: {key} in experiment with id {experimentId}");
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task SetExperimentLifecycleAsync(string experimentId, LifecycleStage target, CancellationToken ct)
    {
        var id = ParseExperimentId(experimentId);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var stage = await GetExperimentStageAsync(connection, transaction, id, experimentId, ct).ConfigureAwait(false);
        if (stage == target)
        {
            // MLflow looks the experiment up in the opposite view, so it is "not found" there.
            throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No Experiment with id={experimentId} exists");
        }

        var now = Now();
        var from = stage.ToMlflowName();
        var to = target.ToMlflowName();
        await Sql.ExecuteAsync(connection, transaction, "UPDATE experiments SET lifecycle_stage = @to, last_update_time = @now WHERE experiment_id = @id", ct,
            ("to", to), ("now", now), ("id", id)).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction,
            "UPDATE runs SET lifecycle_stage = @to, deleted_time = @deleted WHERE experiment_id = @id AND lifecycle_stage = @from", ct,
            ("to", to), ("deleted", target == LifecycleStage.Deleted ? now : null), ("id", id), ("from", from)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<LifecycleStage> GetExperimentStageAsync(DbConnection connection, DbTransaction transaction, long id, string experimentId, CancellationToken ct)
    {
        var stage = await Sql.ScalarAsync(connection, transaction, "SELECT lifecycle_stage FROM experiments WHERE experiment_id = @id", ct, ("id", id)).ConfigureAwait(false);
        return stage is string s
            ? MlflowNames.ParseLifecycleStage(s)
            : throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No Experiment with id={experimentId} exists");
    }

    private static Task UpsertExperimentTagAsync(DbConnection connection, DbTransaction transaction, long id, RunTag tag, CancellationToken ct) =>
        Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO experiment_tags (key, value, experiment_id) VALUES (@key, @value, @id)
            ON CONFLICT (key, experiment_id) DO UPDATE SET value = excluded.value
            """, ct, ("key", tag.Key), ("value", tag.Value), ("id", id));

    /// <summary>Experiments matching <paramref name="whereAndOrder"/> (SQL after FROM), with their tags.</summary>
    private static async Task<List<Experiment>> ReadExperimentsAsync(
        DbConnection connection, DbTransaction? transaction, string whereAndOrder, (string, object?)[] parameters, CancellationToken ct)
    {
        var rows = new List<(long Id, string Name, string Location, LifecycleStage Stage, long Created, long Updated)>();
        await using (var command = Sql.Command(connection, transaction, $"SELECT {ExperimentColumns} FROM experiments {whereAndOrder}", parameters))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add((Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), reader.NullableString(2) ?? "",
                    MlflowNames.ParseLifecycleStage(reader.GetString(3)), reader.NullableInt64(4) ?? 0, reader.NullableInt64(5) ?? 0));
            }
        }

        var tags = new Dictionary<long, Dictionary<string, string>>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(500))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"@e{i}"));
            await using var command = Sql.Command(connection, transaction,
                $"SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN ({names})",
                chunk.Select((e, i) => ($"e{i}", (object?)e)).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var id = Convert.ToInt64(reader.GetValue(0));
                if (!tags.TryGetValue(id, out var map))
                {
                    tags[id] = map = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                map[reader.GetString(1)] = reader.NullableString(2) ?? "";
            }
        }

        return rows.Select(r => new Experiment(
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, r.Location, r.Stage,
                tags.TryGetValue(r.Id, out var t) ? t : new Dictionary<string, string>(), r.Created, r.Updated))
            .ToList();
    }
}
