namespace Pipeline.Tracking.Stores;

/// <summary>A store that owns a database schema: it can create or migrate it on request and say which version it has.</summary>
public interface ISchemaManagedStore
{
    /// <summary>The schema version this code migrates to.</summary>
    int LatestSchemaVersion { get; }

    /// <summary>
    /// Creates or migrates the schema; returns the versions applied by this call (empty when it was already
    /// current). Safe when several processes call it at once.
    /// </summary>
    Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default);

    /// <summary>The schema version recorded in the database.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken ct = default);
}
