namespace Pipeline.Stages.Tests.Reproduction;

/// <summary>A fact that needs PostgreSQL (PIPELINE_TEST_POSTGRES_URI); reported as skipped, with the reason, without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "PIPELINE_TEST_POSTGRES_URI";

    public PostgresFactAttribute()
    {
        if (Uri is null)
            Skip = $"PostgreSQL tests skipped: {Variable} is not set (e.g. run 'bash .ci/postgres.sh start' and export the line it prints).";
    }

    public static string? Uri => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? uri : null;
}
