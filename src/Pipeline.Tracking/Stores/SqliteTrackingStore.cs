using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Pipeline.Tracking.Stores.Sql;

namespace Pipeline.Tracking.Stores;

/// <summary>
/// The tracking store in one SQLite file, safe for several processes at once. The file runs in WAL mode (readers never
/// block the writer); every connection waits up to 30 s for the write lock (busy_timeout) and uses synchronous=NORMAL,
/// which in WAL mode never corrupts the database and loses no commit on an application crash; only a power loss or
/// OS crash can roll back the last few commits. Write transactions start with BEGIN IMMEDIATE so they never fail
/// upgrading a read lock.
/// </summary>
public sealed class SqliteTrackingStore : SqlTrackingStore
{
    /// <summary>How long a connection waits for another process's write lock before failing: 30 seconds.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    // synchronous=NORMAL: see the class remarks. SQLite's page cache is per (pooled) connection and 2 MB by default, so
    // a search over a store of a few tens of MB spent half its time copying pages in with pread; it grows only as pages
    // are used. temp_store=MEMORY keeps ORDER BY and IN-list scratch B-trees off disk.
    private static readonly string SessionPragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
        $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA temp_store = MEMORY;";

    private readonly string _connectionString;

    // Native connections (pooled by Microsoft.Data.Sqlite) that already have the session pragmas; weak, so a handle the
    // pool drops is forgotten with it.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> _configuredHandles = new();

    /// <summary>SQLite's page cache per connection: 32 MiB at most, grown only as pages are used.</summary>
    public const int CacheKibibytes = 32 * 1024;

    /// <summary>Opens (creating when missing, with its folder) the database file at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The database file; a relative path is relative to the current directory.</param>
    /// <param name="defaultArtifactRoot">Artifact root for experiments created without an artifact location.</param>
    /// <param name="timeProvider">Clock for creation/update times; the system clock by default.</param>
    /// <param name="runNames">Names runs created without one; a random <see cref="RandomRunNameGenerator"/> by default.</param>
    public SqliteTrackingStore(string databasePath, string defaultArtifactRoot, TimeProvider? timeProvider = null, IRunNameGenerator? runNames = null)
        : base(new SqliteDialect(), defaultArtifactRoot, timeProvider, runNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// The file path of a <c>sqlite:</c> URI, read as SQLAlchemy (and so MLflow) reads it: <c>sqlite:///mlruns.db</c> is
    /// relative to the current directory, <c>sqlite:////abs/path/mlruns.db</c> (four slashes) is absolute.
    /// </summary>
    public static string PathFromUri(string uri)
    {
        const string prefix = "sqlite:///";
        if (!uri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || uri.Length == prefix.Length)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Invalid SQLite tracking URI '{uri}': expected 'sqlite:///relative/path.db' or 'sqlite:////absolute/path.db' (in-memory databases are not supported).");
        }

        var path = uri[prefix.Length..];
        var query = path.IndexOf('?');
        return Uri.UnescapeDataString(query >= 0 ? path[..query] : path);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal/-shm companions) open; release them with the store.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private protected override async Task<DbConnection> OpenConnectionCoreAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // A pooled connection reopens the same native handle with its settings still in place; only a new one needs
            // them (six statements per call were a tenth of a single LogMetric).
            if (connection.Handle is { } handle && !_configuredHandles.TryGetValue(handle, out _))
            {
                await Sql.Sql.ExecuteAsync(connection, null, SessionPragmas, ct).ConfigureAwait(false);
                _configuredHandles.AddOrUpdate(handle, SessionPragmas);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Microsoft.Data.Sqlite binds parameters by name and reads columns through a type check and a new string each; both
    // cost more than SQLite's own work for metric batches and pages of runs, so those two go through the native handle.
    private protected override Task InsertMetricHistoryAsync(DbConnection connection, DbTransaction transaction, string runId,
        IReadOnlyList<Tracking.Entities.Metric> metrics, CancellationToken ct)
    {
        SqliteMetricHistoryWriter.Insert((SqliteConnection)connection, runId, metrics);
        return Task.CompletedTask;
    }

    private protected override Task ReadRunRowsAsync(DbConnection connection, DbTransaction? transaction, RunPageQueries queries,
        object idSet, RunPageBuilder page, CancellationToken ct)
    {
        SqliteRunPageReader.Read((SqliteConnection)connection, queries, (string)idSet, page, ct);
        return Task.CompletedTask;
    }

    // journal_mode is stored in the file: set once, it holds for every later connection and process.
    private protected override Task PrepareDatabaseAsync(DbConnection connection, CancellationToken ct) =>
        Sql.Sql.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
}
