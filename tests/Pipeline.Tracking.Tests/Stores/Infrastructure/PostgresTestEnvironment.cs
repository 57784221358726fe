namespace Pipeline.Tracking.Tests.Stores.Infrastructure;

/// <summary>Where the PostgreSQL tests find their server: the PIPELINE_TEST_POSTGRES_URI environment variable.</summary>
public static class PostgresTestEnvironment
{
    public const string Variable = "PIPELINE_TEST_POSTGRES_URI";

    public const string SkipMessage =
        $"PostgreSQL tests skipped: {Variable} is not set (e.g. run 'bash .ci/postgres.sh start' and export the line it prints).";

    public static string? Uri => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? uri : null;
}

/// <summary>Marks a test class that needs PostgreSQL: its <see cref="StoreFactAttribute"/> tests are skipped without it.</summary>
public interface IPostgresTests;
