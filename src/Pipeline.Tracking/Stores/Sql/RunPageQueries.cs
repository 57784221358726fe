namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// The four queries that read a page of runs, each with the page's ids as its one parameter. Both page readers (ADO.NET
/// and SQLite's native one) run these texts and rely on their column order. Columns a run reports as "" or 0 when unset
/// are coalesced here, so readers test only end_time for NULL (on SQLite each test is one more native call per row).
/// </summary>
internal sealed record RunPageQueries(string Runs, string Tags, string Params, string LatestMetrics)
{
    public static RunPageQueries For(SqlDialect dialect, string idSetParameter)
    {
        var runs = dialect.InIdSet("run_uuid", idSetParameter);
        return new RunPageQueries(
            $"SELECT run_uuid, experiment_id, COALESCE(name, ''), COALESCE(user_id, ''), status, COALESCE(start_time, 0), end_time, " +
            $"COALESCE(artifact_uri, ''), lifecycle_stage FROM runs WHERE {runs}",
            $"SELECT run_uuid, key, COALESCE(value, '') FROM tags WHERE {runs} ORDER BY run_uuid, key",
            $"SELECT run_uuid, key, value FROM params WHERE {runs} ORDER BY run_uuid, key",
            $"SELECT run_uuid, key, value, COALESCE(timestamp, 0), step, is_nan FROM latest_metrics WHERE {runs} ORDER BY run_uuid, key");
    }
}
