namespace Pipeline.Tracking.Tests.Stores.Infrastructure;

/// <summary>A fact that needs PostgreSQL; reported as skipped, with the reason, when no server is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.Uri is null)
        {
            Skip = PostgresTestEnvironment.SkipMessage;
        }
    }
}
