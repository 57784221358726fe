using System.Data.Common;
using Npgsql;
using Pipeline.Tracking.Stores.Sql;

namespace Pipeline.Tracking.Stores;

/// <summary>
/// The tracking store in a PostgreSQL database, with pooled connections (Npgsql). Concurrent first starts are serialised
/// by a transaction-scoped advisory lock around the schema migration.
/// </summary>
public sealed class PostgresTrackingStore : SqlTrackingStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects to the database named by a <c>postgresql://user:pass@host:port/db</c> URI or an Npgsql connection string.</summary>
    /// <param name="uriOrConnectionString">A <c>postgresql://</c> / <c>postgres://</c> URI or a key=value connection string.</param>
    /// <param name="defaultArtifactRoot">Artifact root for experiments created without an artifact location.</param>
    /// <param name="timeProvider">Clock for creation/update times; the system clock by default.</param>
    /// <param name="runNames">Names runs created without one; a random <see cref="RandomRunNameGenerator"/> by default.</param>
    public PostgresTrackingStore(string uriOrConnectionString, string defaultArtifactRoot, TimeProvider? timeProvider = null, IRunNameGenerator? runNames = null)
        : base(new PostgresDialect(), defaultArtifactRoot, timeProvider, runNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uriOrConnectionString);
        ConnectionString = uriOrConnectionString.Contains("://", StringComparison.Ordinal)
            ? PostgresUri.ToConnectionString(uriOrConnectionString)
            : uriOrConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The Npgsql connection string in use (it may hold a password: do not log it).</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    // Tables the run search joins. Until PostgreSQL has analyzed them it plans with guesses of one row each, and the
    // search filling 100 of 1,000 runs nested-looped its way to 2 s instead of 4 ms; autovacuum only analyzes a table a
    // minute or more after it has filled. So the first searches analyze the ones never analyzed, once they hold rows.
    private const string UnanalyzedSearchTablesSql = """
        SELECT COUNT(*) FILTER (WHERE last_analyze IS NULL AND last_autoanalyze IS NULL AND n_live_tup >= @rows),
               COUNT(*) FILTER (WHERE last_analyze IS NULL AND last_autoanalyze IS NULL)
        FROM pg_stat_user_tables
        WHERE schemaname = current_schema() AND relname IN ('runs', 'params', 'tags', 'latest_metrics')
        """;

    /// <summary>How many rows a never-analyzed search table holds before a search analyzes it: 100.</summary>
    public const int AnalyzeThresholdRows = 100;

    private volatile bool _searchTablesAnalyzed;

    private protected override async Task BeforeSearchAsync(DbConnection connection, CancellationToken ct)
    {
        if (_searchTablesAnalyzed)
        {
            return;
        }

        long due, unanalyzed;
        await using (var command = Sql.Sql.Command(connection, null, UnanalyzedSearchTablesSql, ("rows", (long)AnalyzeThresholdRows)))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            await reader.ReadAsync(ct).ConfigureAwait(false);
            (due, unanalyzed) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (due > 0)
        {
            await Sql.Sql.ExecuteAsync(connection, null, "ANALYZE runs, params, tags, latest_metrics", ct).ConfigureAwait(false);
            unanalyzed = 0;
        }

        // From here on autovacuum keeps the statistics current.
        _searchTablesAnalyzed = unanalyzed == 0;
    }

    private protected override async Task<DbConnection> OpenConnectionCoreAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
}
