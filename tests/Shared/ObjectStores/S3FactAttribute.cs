namespace Pipeline.Tests.Shared.ObjectStores;

/// <summary>A fact that needs the S3 emulator; reported as skipped, with the reason, when it is not configured.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (ObjectStoreTestEnvironment.S3Endpoint is null)
            Skip = ObjectStoreTestEnvironment.S3SkipMessage;
    }
}
