using System.Data.Common;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    /// <inheritdoc />
    public Task<Run> CreateRunAsync(string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default) =>
        CreateRunCoreAsync(Guid.NewGuid().ToString("N"), experimentId, userId, startTime, tags, runName, ct);

    /// <inheritdoc />
    public async Task<Run> CreateRunWithIdAsync(string runId, string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default)
    {
        if (runId.Length != 32 || !runId.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            throw TrackingValidation.Invalid($"Run id '{runId}' is not 32 lowercase hex characters.");
        }

        try
        {
            return await CreateRunCoreAsync(runId, experimentId, userId, startTime, tags, runName, ct).ConfigureAwait(false);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            throw new TrackingException(ErrorCode.ResourceAlreadyExists, $"Run with id={runId} already exists.");
        }
    }

    private async Task<Run> CreateRunCoreAsync(string runId, string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct)
    {
        foreach (var tag in tags)
        {
            TrackingValidation.ValidateTag(tag);
        }

        var nameTag = tags.LastOrDefault(t => t.Key == SystemTags.RunName)?.Value;
        if (!string.IsNullOrEmpty(runName) && nameTag is not null && nameTag != runName)
        {
            throw TrackingValidation.Invalid("Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values " +
                                             $"(run_name='{runName}', mlflow.runName='{nameTag}').");
        }

        var name = !string.IsNullOrEmpty(runName) ? runName : !string.IsNullOrEmpty(nameTag) ? nameTag : RunNames.Next();
        var id = ParseExperimentId(experimentId);

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var experiments = await ReadExperimentsAsync(connection, transaction, "WHERE experiment_id = @id", [("id", id)], ct).ConfigureAwait(false);
        var experiment = experiments.Count == 1 ? experiments[0]
            : throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No Experiment with id={experimentId} exists");
        if (experiment.LifecycleStage != LifecycleStage.Active)
        {
            throw TrackingValidation.Invalid(
                $"The experiment {experimentId} must be in the 'active' state. Current state is {experiment.LifecycleStage.ToMlflowName()}.");
        }

        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO runs (run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, experiment_id)
            VALUES (@run, @name, @user, 'RUNNING', @start, NULL, 'active', @uri, @exp)
            """, ct, ("run", runId), ("name", name), ("user", userId), ("start", startTime),
            ("uri", ArtifactUri.Parse(experiment.ArtifactLocation).Append(runId, "artifacts").ToString()), ("exp", id)).ConfigureAwait(false);
        foreach (var tag in tags.Where(t => t.Key != SystemTags.RunName).Append(new RunTag(SystemTags.RunName, name)))
        {
            await UpsertTagAsync(connection, transaction, runId, tag, ct).ConfigureAwait(false);
        }

        var run = (await ReadRunsAsync(connection, transaction, [runId], ct).ConfigureAwait(false))[0];
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return run;
    }

    /// <inheritdoc />
    public async Task<Run> GetRunAsync(string runId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var runs = await ReadRunsAsync(connection, transaction, [runId], ct).ConfigureAwait(false);
        return runs.Count == 1 ? runs[0] : throw RunNotFound(runId);
    }

    /// <inheritdoc />
    public async Task<RunInfo> UpdateRunInfoAsync(string runId, RunStatus? status, long? endTime, string? runName, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await EnsureRunActiveAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, """
            UPDATE runs SET status = COALESCE(@status, status), end_time = COALESCE(@end, end_time), name = COALESCE(@name, name)
            WHERE run_uuid = @run
            """, ct, ("status", status?.ToMlflowName()), ("end", endTime), ("name", string.IsNullOrEmpty(runName) ? null : runName), ("run", runId))
            .ConfigureAwait(false);
        if (!string.IsNullOrEmpty(runName))
        {
            await UpsertTagAsync(connection, transaction, runId, new RunTag(SystemTags.RunName, runName), ct).ConfigureAwait(false);
        }

        var run = (await ReadRunsAsync(connection, transaction, [runId], ct).ConfigureAwait(false))[0];
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return run.Info;
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken ct = default) => SetRunLifecycleAsync(runId, LifecycleStage.Deleted, ct);

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken ct = default) => SetRunLifecycleAsync(runId, LifecycleStage.Active, ct);

    private async Task SetRunLifecycleAsync(string runId, LifecycleStage target, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await GetRunStateAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, "UPDATE runs SET lifecycle_stage = @stage, deleted_time = @deleted WHERE run_uuid = @run", ct,
            ("stage", target.ToMlflowName()), ("deleted", target == LifecycleStage.Deleted ? Now() : null), ("run", runId)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static Task UpsertTagAsync(DbConnection connection, DbTransaction transaction, string runId, RunTag tag, CancellationToken ct) =>
        Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO tags (key, value, run_uuid) VALUES (@key, @value, @run)
            ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value
            """, ct, ("key", tag.Key), ("value", tag.Value), ("run", runId));
}
