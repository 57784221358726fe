using System.Data.Common;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores.Sql.Migrations;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// The tracking store over a SQL database with MLflow's tables and rules. Subclasses only open connections
/// (<see cref="SqliteTrackingStore"/>, <see cref="PostgresTrackingStore"/>); the dialect holds the few SQL
/// differences. The schema is created or migrated on first use (or by <see cref="InitializeAsync"/>).
/// </summary>
public abstract partial class SqlTrackingStore : ITrackingStore, ISchemaManagedStore, IRunIdAssigningStore
{
    private readonly SqlDialect _dialect;
    private readonly SchemaMigrator _migrator;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;

    private protected SqlTrackingStore(SqlDialect dialect, string defaultArtifactRoot, TimeProvider? timeProvider, IRunNameGenerator? runNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultArtifactRoot);
        _dialect = dialect;
        _migrator = new SchemaMigrator(dialect, SchemaMigrator.Discover());
        DefaultArtifactRoot = defaultArtifactRoot.TrimEnd('/', '\\');
        TimeProvider = timeProvider ?? TimeProvider.System;
        RunNames = runNames ?? new RandomRunNameGenerator();
    }

    /// <summary>Where experiments created without an artifact location keep their artifacts: <c>{root}/{experiment_id}</c>.</summary>
    public string DefaultArtifactRoot { get; }

    /// <summary>The clock for creation and update times.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Names runs created without a name.</summary>
    public IRunNameGenerator RunNames { get; }

    /// <summary>The schema version this code migrates to.</summary>
    public int LatestSchemaVersion => _migrator.LatestVersion;

    /// <summary>
    /// Creates or migrates the schema (and experiment "0", "Default", on a new database). Idempotent and safe to
    /// call from many processes at once; every operation calls it first.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct = default) => await MigrateAsync(ct).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        if (_initialized)
        {
            return [];
        }

        await _initGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return [];
            }

            await using var connection = await OpenConnectionCoreAsync(ct).ConfigureAwait(false);
            await PrepareDatabaseAsync(connection, ct).ConfigureAwait(false);
            var applied = await _migrator.MigrateAsync(connection, Now(), (c, t) => InsertDefaultExperimentAsync(c, t, ct), ct).ConfigureAwait(false);
            _initialized = true;
            return applied;
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>The schema version recorded in the database.</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return Convert.ToInt32(await Sql.ScalarAsync(connection, null, "SELECT MAX(version) FROM schema_version", ct).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        _initGate.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Opens a new connection with the session settings applied.</summary>
    private protected abstract Task<DbConnection> OpenConnectionCoreAsync(CancellationToken ct);

    /// <summary>One-time database settings before migrating (SQLite: WAL).</summary>
    private protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Runs before a run search on its connection, outside its transaction (PostgreSQL: first statistics).</summary>
    private protected virtual Task BeforeSearchAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The SQL differences of this database, shared with <see cref="SqlModelRegistry"/>.</summary>
    internal SqlDialect Dialect => _dialect;

    /// <summary>Opens a connection after making sure the schema is current; shared with <see cref="SqlModelRegistry"/>.</summary>
    internal async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        await InitializeAsync(ct).ConfigureAwait(false);
        return await OpenConnectionCoreAsync(ct).ConfigureAwait(false);
    }

    internal long Now() => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private string ExperimentArtifactLocation(long experimentId) =>
        Artifacts.ArtifactUri.Parse(DefaultArtifactRoot).Append(experimentId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString();

    private Task InsertDefaultExperimentAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
            VALUES (0, 'Default', @loc, 'active', @now, @now)
            """, ct, ("loc", ExperimentArtifactLocation(0)), ("now", Now()));

    private static long ParseExperimentId(string experimentId) =>
        long.TryParse(experimentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No Experiment with id={experimentId} exists");

    private static TrackingException RunNotFound(string runId) =>
        new(ErrorCode.ResourceDoesNotExist, $"Run with id={runId} not found");

    /// <summary>The run's lifecycle stage and experiment; throws RESOURCE_DOES_NOT_EXIST when there is no such run.</summary>
    private static async Task<(LifecycleStage Stage, long ExperimentId)> GetRunStateAsync(DbConnection connection, DbTransaction? transaction, string runId, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction,
            "SELECT lifecycle_stage, experiment_id FROM runs WHERE run_uuid = @id", ("id", runId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            throw RunNotFound(runId);
        }

        return (MlflowNames.ParseLifecycleStage(reader.GetString(0)), Convert.ToInt64(reader.GetValue(1)));
    }

    private static async Task EnsureRunActiveAsync(DbConnection connection, DbTransaction transaction, string runId, CancellationToken ct)
    {
        var (stage, _) = await GetRunStateAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        if (stage != LifecycleStage.Active)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"The run {runId} must be in the 'active' state. Current state is {stage.ToMlflowName()}.");
        }
    }
}
