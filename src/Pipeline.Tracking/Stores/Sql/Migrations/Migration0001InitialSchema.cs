namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// The tracking tables, modelled on MLflow's: experiments, experiment_tags, runs, params, metrics (full history),
/// latest_metrics, tags, datasets, inputs, input_tags. The model registry tables come in a later migration.
/// </summary>
internal sealed class Migration0001InitialSchema : ISchemaMigration
{
    public int Version => 1;

    public string Description => "tracking tables (experiments, runs, params, metrics, tags, datasets, inputs)";

    public IEnumerable<string> Statements(SqlDialect d)
    {
        yield return $"""
            CREATE TABLE experiments (
                experiment_id {d.IdentityPrimaryKey},
                name VARCHAR(500) NOT NULL,
                artifact_location VARCHAR(2000),
                lifecycle_stage VARCHAR(32) NOT NULL DEFAULT 'active',
                creation_time {d.BigInt},
                last_update_time {d.BigInt},
                CONSTRAINT experiments_name_key UNIQUE (name),
                CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
            )
            """;
        yield return $"""
            CREATE TABLE experiment_tags (
                key VARCHAR(250) NOT NULL,
                value VARCHAR(5000),
                experiment_id {d.BigInt} NOT NULL REFERENCES experiments (experiment_id),
                CONSTRAINT experiment_tag_pk PRIMARY KEY (key, experiment_id)
            )
            """;
        yield return $"""
            CREATE TABLE runs (
                run_uuid VARCHAR(32) NOT NULL PRIMARY KEY,
                name VARCHAR(250),
                user_id VARCHAR(256),
                status VARCHAR(9) NOT NULL,
                start_time {d.BigInt},
                end_time {d.BigInt},
                deleted_time {d.BigInt},
                lifecycle_stage VARCHAR(20) NOT NULL DEFAULT 'active',
                artifact_uri VARCHAR(2000),
                experiment_id {d.BigInt} NOT NULL REFERENCES experiments (experiment_id),
                CONSTRAINT runs_status CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')),
                CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
            )
            """;
        yield return "CREATE INDEX index_runs_experiment_start ON runs (experiment_id, start_time)";
        yield return """
            CREATE TABLE tags (
                key VARCHAR(250) NOT NULL,
                value VARCHAR(8000),
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid)
            )
            """;
        yield return """
            CREATE TABLE params (
                key VARCHAR(250) NOT NULL,
                value VARCHAR(8000) NOT NULL,
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT param_pk PRIMARY KEY (key, run_uuid)
            )
            """;
        // As MLflow: a NaN is stored as value 0 with is_nan set (SQLite cannot store NaN: it becomes NULL);
        // infinities are stored as themselves, which both databases support, so every double round-trips.
        yield return $"""
            CREATE TABLE metrics (
                key VARCHAR(250) NOT NULL,
                value {d.Double} NOT NULL,
                timestamp {d.BigInt} NOT NULL,
                step {d.BigInt} NOT NULL DEFAULT 0,
                is_nan {d.Boolean} NOT NULL DEFAULT FALSE,
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan)
            )
            """;
        yield return "CREATE INDEX index_metrics_run_key_step ON metrics (run_uuid, key, step)";
        yield return $"""
            CREATE TABLE latest_metrics (
                key VARCHAR(250) NOT NULL,
                value {d.Double} NOT NULL,
                timestamp {d.BigInt},
                step {d.BigInt} NOT NULL,
                is_nan {d.Boolean} NOT NULL,
                run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid),
                CONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid)
            )
            """;
        yield return "CREATE INDEX index_latest_metrics_run_uuid ON latest_metrics (run_uuid)";
        yield return $"""
            CREATE TABLE datasets (
                dataset_uuid VARCHAR(36) NOT NULL,
                experiment_id {d.BigInt} NOT NULL REFERENCES experiments (experiment_id),
                name VARCHAR(500) NOT NULL,
                digest VARCHAR(36) NOT NULL,
                dataset_source_type VARCHAR(36) NOT NULL,
                dataset_source TEXT NOT NULL,
                dataset_schema TEXT,
                dataset_profile TEXT,
                CONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest)
            )
            """;
        yield return "CREATE UNIQUE INDEX index_datasets_dataset_uuid ON datasets (dataset_uuid)";
        yield return """
            CREATE TABLE inputs (
                input_uuid VARCHAR(36) NOT NULL,
                source_type VARCHAR(36) NOT NULL,
                source_id VARCHAR(36) NOT NULL,
                destination_type VARCHAR(36) NOT NULL,
                destination_id VARCHAR(36) NOT NULL,
                CONSTRAINT inputs_pk PRIMARY KEY (source_type, source_id, destination_type, destination_id)
            )
            """;
        yield return "CREATE UNIQUE INDEX index_inputs_input_uuid ON inputs (input_uuid)";
        yield return "CREATE INDEX index_inputs_destination ON inputs (destination_type, destination_id, source_type)";
        yield return """
            CREATE TABLE input_tags (
                input_uuid VARCHAR(36) NOT NULL,
                name VARCHAR(255) NOT NULL,
                value VARCHAR(500) NOT NULL,
                CONSTRAINT input_tags_pk PRIMARY KEY (input_uuid, name)
            )
            """;
    }
}
