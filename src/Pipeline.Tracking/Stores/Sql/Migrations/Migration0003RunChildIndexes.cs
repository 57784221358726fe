namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// Indexes tags and params by run. Their primary keys start with the key, so reading a run's tags and params (every
/// GetRun, CreateRun and the page of a search) scanned both tables whole: a search returning 1,000 of 10,000 runs
/// took 150 ms on SQLite, and creating runs slowed down as the store grew.
/// </summary>
internal sealed class Migration0003RunChildIndexes : ISchemaMigration
{
    public int Version => 3;

    public string Description => "indexes on tags and params by run_uuid";

    public IEnumerable<string> Statements(SqlDialect d)
    {
        yield return "CREATE INDEX index_tags_run_uuid ON tags (run_uuid)";
        yield return "CREATE INDEX index_params_run_uuid ON params (run_uuid)";
    }
}
