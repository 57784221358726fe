namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// The model registry tables, with MLflow's names and columns: registered_models, registered_model_tags,
/// model_versions (plus MLflow's later storage_location), model_version_tags, registered_model_aliases.
/// Child rows follow a rename by ON UPDATE CASCADE and go with their model by ON DELETE CASCADE.
/// </summary>
internal sealed class Migration0002ModelRegistry : ISchemaMigration
{
    public int Version => 2;

    public string Description => "model registry tables (registered models, versions, tags, aliases)";

    public IEnumerable<string> Statements(SqlDialect d)
    {
        yield return $"""
            CREATE TABLE registered_models (
                name VARCHAR(256) NOT NULL,
                creation_time {d.BigInt},
                last_updated_time {d.BigInt},
                description VARCHAR(5000),
                CONSTRAINT registered_model_pk PRIMARY KEY (name)
            )
            """;
        yield return """
            CREATE TABLE registered_model_tags (
                key VARCHAR(250) NOT NULL,
                value VARCHAR(5000),
                name VARCHAR(256) NOT NULL REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE,
                CONSTRAINT registered_model_tag_pk PRIMARY KEY (key, name)
            )
            """;
        yield return $"""
            CREATE TABLE model_versions (
                name VARCHAR(256) NOT NULL REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE,
                version INTEGER NOT NULL,
                creation_time {d.BigInt},
                last_updated_time {d.BigInt},
                description VARCHAR(5000),
                user_id VARCHAR(256),
                current_stage VARCHAR(20),
                source VARCHAR(500),
                run_id VARCHAR(32),
                run_link VARCHAR(500),
                status VARCHAR(20),
                status_message VARCHAR(500),
                storage_location VARCHAR(500),
                CONSTRAINT model_version_pk PRIMARY KEY (name, version)
            )
            """;
        yield return "CREATE INDEX index_model_versions_run_id ON model_versions (run_id)";
        yield return """
            CREATE TABLE model_version_tags (
                key VARCHAR(250) NOT NULL,
                value VARCHAR(5000),
                name VARCHAR(256) NOT NULL,
                version INTEGER NOT NULL,
                CONSTRAINT model_version_tag_pk PRIMARY KEY (key, name, version),
                CONSTRAINT model_version_tags_version_fkey FOREIGN KEY (name, version)
                    REFERENCES model_versions (name, version) ON UPDATE CASCADE ON DELETE CASCADE
            )
            """;
        yield return """
            CREATE TABLE registered_model_aliases (
                alias VARCHAR(256) NOT NULL,
                version INTEGER NOT NULL,
                name VARCHAR(256) NOT NULL,
                CONSTRAINT registered_model_alias_pk PRIMARY KEY (name, alias),
                CONSTRAINT registered_model_alias_name_fkey FOREIGN KEY (name)
                    REFERENCES registered_models (name) ON UPDATE CASCADE ON DELETE CASCADE
            )
            """;
    }
}
