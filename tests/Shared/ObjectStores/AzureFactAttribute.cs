namespace Pipeline.Tests.Shared.ObjectStores;

/// <summary>A fact that needs the Azure Blob emulator; reported as skipped, with the reason, when it is not configured.</summary>
public sealed class AzureFactAttribute : FactAttribute
{
    public AzureFactAttribute()
    {
        if (ObjectStoreTestEnvironment.AzureConnectionString is null)
            Skip = ObjectStoreTestEnvironment.AzureSkipMessage;
    }
}
