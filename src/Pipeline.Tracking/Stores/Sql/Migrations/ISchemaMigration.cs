namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// One versioned schema change. Migrations are found by reflection: adding migration N is adding one class
/// implementing this interface with <see cref="Version"/> = N. They run in version order, each in the same
/// transaction as the schema_version row that records it.
/// </summary>
internal interface ISchemaMigration
{
    /// <summary>1, 2, 3, ... without gaps.</summary>
    int Version { get; }

    /// <summary>One line saying what the migration does; stored in schema_version.</summary>
    string Description { get; }

    /// <summary>The DDL/DML statements, using the dialect's type names.</summary>
    IEnumerable<string> Statements(SqlDialect dialect);
}
