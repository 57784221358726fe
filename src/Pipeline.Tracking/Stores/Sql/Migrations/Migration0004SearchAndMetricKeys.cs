namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// Keys metric history by run first and indexes the values searches filter on.
/// <list type="bullet">
/// <item>metrics: primary key (run_uuid, key, step, timestamp, value, is_nan), the same columns as before in the order a
/// run's history is read, replacing index_metrics_run_key_step. On SQLite the table is rebuilt WITHOUT ROWID, so a
/// logged metric lands in one B-tree instead of three (rows, primary key, index); existing rows are copied over.</item>
/// <item>SQLite only: latest_metrics, params and tags rebuilt WITHOUT ROWID keyed (run_uuid, key) (the same unique
/// columns as before), replacing their run_uuid indexes; tags get an index on key.</item>
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
            // WITHOUT ROWID tables keyed by run first: a run's rows are stored together in key order, so a page of a
            // search reads them with one B-tree range each and no sort (a rowid table costs an index probe plus a row
            // lookup per row). Nothing references these tables, so dropping the old ones checks no foreign keys.
            foreach (var statement in Rebuild("metrics", $"""
                key VARCHAR(250) NOT NULL,
                value {d.Double} NOT NULL,
                timestamp {d.BigInt} NOT NULL,
                step {d.BigInt} NOT NULL DEFAULT 0,
                is_nan {d.Boolean} NOT NULL DEFAULT FALSE,
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT metric_pk PRIMARY KEY (run_uuid, key, step, timestamp, value, is_nan)
                """, "key, value, timestamp, step, is_nan, run_uuid"))
            {
                yield return statement;
            }

            foreach (var statement in Rebuild("latest_metrics", $"""
                key VARCHAR(250) NOT NULL,
                value {d.Double} NOT NULL,
                timestamp {d.BigInt},
                step {d.BigInt} NOT NULL,
                is_nan {d.Boolean} NOT NULL,
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT latest_metric_pk PRIMARY KEY (run_uuid, key)
                """, "key, value, timestamp, step, is_nan, run_uuid"))
            {
                yield return statement;
            }

            foreach (var statement in Rebuild("params", """
                key VARCHAR(250) NOT NULL,
                value VARCHAR(8000) NOT NULL,
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT param_pk PRIMARY KEY (run_uuid, key)
                """, "key, value, run_uuid"))
            {
                yield return statement;
            }

            foreach (var statement in Rebuild("tags", """
                key VARCHAR(250) NOT NULL,
                value VARCHAR(8000),
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT tag_pk PRIMARY KEY (run_uuid, key)
                """, "key, value, run_uuid"))
            {
                yield return statement;
            }

            // A tag filter without a run (tags.x = 'y') still finds its key's rows without scanning every tag.
            yield return "CREATE INDEX index_tags_key ON tags (key)";
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

    /// <summary>Creates <c>{table}_v4</c> WITHOUT ROWID, copies every row, drops the old table (and its indexes) and renames.</summary>
    private static IEnumerable<string> Rebuild(string table, string columns, string columnList)
    {
        yield return $"CREATE TABLE {table}_v4 (\n{columns}\n) WITHOUT ROWID";
        yield return $"INSERT INTO {table}_v4 ({columnList}) SELECT {columnList} FROM {table}";
        yield return $"DROP TABLE {table}";
        yield return $"ALTER TABLE {table}_v4 RENAME TO {table}";
    }
}
