using System.Data.Common;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// The model registry over the same database, connections and clock as a <see cref="SqlTrackingStore"/> (MLflow keeps
/// both in one database; the registry tables come with migration 2). Opened beside its store by
/// <see cref="Composition.TrackingComposition"/>; it does not own the store, so dispose the store only.
/// </summary>
public sealed partial class SqlModelRegistry : IModelRegistry
{
    private readonly SqlTrackingStore _store;
    private readonly SqlDialect _dialect;

    /// <summary>The registry in <paramref name="store"/>'s database.</summary>
    public SqlModelRegistry(SqlTrackingStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _dialect = store.Dialect;
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => _store.OpenAsync(ct);

    private long Now() => _store.Now();

    private static Task ForEachRowAsync(DbConnection connection, DbTransaction? transaction, string sql, (string, object?)[] binds,
        Action<DbDataReader> onRow, CancellationToken ct) => SqlTrackingStore.ForEachRowAsync(connection, transaction, sql, binds, onRow, ct);
}
