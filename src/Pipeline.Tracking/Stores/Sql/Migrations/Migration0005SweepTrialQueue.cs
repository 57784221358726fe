namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// The trial queue of distributed sweeps: one row per sweep (its run, how many retries a trial gets) and one row per
/// trial (state, configuration, the worker holding it and its heartbeat, retries, child run). Not MLflow tables: the
/// names start with <c>pipeline_</c> so they never collide with MLflow's, whose server ignores them.
/// </summary>
internal sealed class Migration0005SweepTrialQueue : ISchemaMigration
{
    public int Version => 5;

    public string Description => "pipeline_sweeps and pipeline_sweep_trials: the trial queue of distributed sweeps";

    public IEnumerable<string> Statements(SqlDialect d)
    {
        yield return $"""
            CREATE TABLE pipeline_sweeps (
                sweep_id VARCHAR(256) NOT NULL PRIMARY KEY,
                experiment_id VARCHAR(32) NOT NULL,
                run_uuid VARCHAR(32),
                trials INTEGER NOT NULL,
                max_retries INTEGER NOT NULL,
                creation_time {d.BigInt} NOT NULL
            )
            """;
        yield return $"""
            CREATE TABLE pipeline_sweep_trials (
                sweep_id VARCHAR(256) NOT NULL,
                trial_number INTEGER NOT NULL,
                state VARCHAR(16) NOT NULL,
                configuration TEXT,
                worker_id VARCHAR(256),
                heartbeat {d.BigInt},
                retries INTEGER NOT NULL,
                run_uuid VARCHAR(32),
                error TEXT,
                PRIMARY KEY (sweep_id, trial_number)
            )
            """;
        // A claim looks for the lowest QUEUED trial of one sweep; a reap for RUNNING ones.
        yield return "CREATE INDEX index_pipeline_sweep_trials_state ON pipeline_sweep_trials (sweep_id, state, trial_number)";
    }
}
