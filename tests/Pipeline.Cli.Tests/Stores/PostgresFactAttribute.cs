namespace Pipeline.Cli.Tests.Stores;

/// <summary>A fact that needs PostgreSQL; reported as skipped, with the reason, when PIPELINE_TEST_POSTGRES_URI is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CliBackend.PostgresVariable)))
        {
            Skip = CliBackend.PostgresSkip;
        }
    }
}
