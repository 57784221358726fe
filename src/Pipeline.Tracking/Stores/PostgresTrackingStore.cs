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

    private protected override async Task<DbConnection> OpenConnectionCoreAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
}
