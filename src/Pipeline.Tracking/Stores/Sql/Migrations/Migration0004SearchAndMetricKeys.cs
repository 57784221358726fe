namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// Keys metric history by run first and indexes the values searches filter on.
/// <list type="bullet">
/// <item>metrics: primary key (run_uuid, key, step, timestamp, value, is_nan), the same columns as before in the order a
/// run's history is read, replacing index_metrics_run_key_step. On SQLite the table is rebuilt WITHOUT ROWID, so a
/// logged metric lands in one B-tree instead of three (rows, primary key, index); existing rows are copied over.</item>
/// <item>latest_metrics (key, is_nan, value, run_uuid) and, on SQLite, params (key, value, run_uuid): a filter such as
/// <c>metrics.roc_auc &gt; 0.9</c> or <c>params.solver = 'lbfgs'</c> reads only the matching entries.</item>
/// </list>
/// </summary>
internal sealed class Migration0004SearchAndMetricKeys : ISchemaMigration
{
    public int Version => 4;

    public string Description => "metrics keyed by run (WITHOUT ROWID on SQLite); value indexes on latest_metrics and params";

    public IEnumerable<string> Statements(SqlDialect d)
    {
        if (d.Name == "sqlite")
        {
            yield return $"""
                CREATE TABLE metrics_v4 (
                    key VARCHAR(250) NOT NULL,
                    value {d.Double} NOT NULL,
                    timestamp {d.BigInt} NOT NULL,
                    step {d.BigInt} NOT NULL DEFAULT 0,
                    is_nan {d.Boolean} NOT NULL DEFAULT FALSE,
                    run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                    CONSTRAINT metric_pk PRIMARY KEY (run_uuid, key, step, timestamp, value, is_nan)
                ) WITHOUT ROWID
                """;
            yield return """
                INSERT INTO metrics_v4 (key, value, timestamp, step, is_nan, run_uuid)
                SELECT key, value, timestamp, step, is_nan, run_uuid FROM metrics
                """;
            // Nothing references metrics, so dropping it (and index_metrics_run_key_step with it) checks no foreign keys.
            yield return "DROP TABLE metrics";
            yield return "ALTER TABLE metrics_v4 RENAME TO metrics";
        }
        else
        {
            yield return "ALTER TABLE metrics DROP CONSTRAINT metric_pk";
            yield return "ALTER TABLE metrics ADD CONSTRAINT metric_pk PRIMARY KEY (run_uuid, key, step, timestamp, value, is_nan)";
            yield return "DROP INDEX index_metrics_run_key_step";
        }

        yield return "CREATE INDEX index_latest_metrics_key_value ON latest_metrics (key, is_nan, value, run_uuid)";
        if (d.Name == "sqlite")
        {
            // Not on PostgreSQL: a B-tree entry there is limited to about 2,700 bytes and param values may be 6,000 characters.
            yield return "CREATE INDEX index_params_key_value ON params (key, value, run_uuid)";
        }
    }
}
