using Azure.Storage.Blobs;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tests.Shared.ObjectStores;

/// <summary>
/// Where the object-store tests find their emulators: the variables `bash .ci/objectstores.sh start` prints (s3rver and
/// azurite on 127.0.0.1). The repositories themselves read MLflow's names from an injected environment built here.
/// </summary>
public static class ObjectStoreTestEnvironment
{
    public const string S3Variable = "PIPELINE_TEST_S3_ENDPOINT";
    public const string AzureVariable = "PIPELINE_TEST_AZURE_CONNECTION_STRING";

    public const string S3SkipMessage =
        $"S3 tests skipped: {S3Variable} is not set (run 'eval \"$(bash .ci/objectstores.sh start)\"' first).";

    public const string AzureSkipMessage =
        $"Azure Blob tests skipped: {AzureVariable} is not set (run 'eval \"$(bash .ci/objectstores.sh start)\"' first).";

    /// <summary>The test container in azurite (created on first use).</summary>
    public const string AzureContainer = "pipeline-test";

    public static string? S3Endpoint => Variable(S3Variable);

    public static string? AzureConnectionString => Variable(AzureVariable);

    public static string S3Bucket => Variable("PIPELINE_TEST_S3_BUCKET") ?? "pipeline-test";

    /// <summary>MLflow's S3 variables pointing at the emulator (null when it is not configured).</summary>
    public static Dictionary<string, string> S3Variables() => new()
    {
        ["MLFLOW_S3_ENDPOINT_URL"] = S3Endpoint ?? throw new InvalidOperationException(S3SkipMessage),
        ["AWS_ACCESS_KEY_ID"] = Variable("PIPELINE_TEST_S3_ACCESS_KEY_ID") ?? "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = Variable("PIPELINE_TEST_S3_SECRET_ACCESS_KEY") ?? "S3RVER",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    /// <summary>MLflow's Azure variable carrying the emulator's connection string.</summary>
    public static Dictionary<string, string> AzureVariables() => new()
    {
        ["AZURE_STORAGE_CONNECTION_STRING"] = AzureConnectionString ?? throw new InvalidOperationException(AzureSkipMessage),
    };

    /// <summary>A fresh <c>s3://</c> root no other test uses.</summary>
    public static string NewS3Root(string what) => $"s3://{S3Bucket}/{what}-{Guid.NewGuid():N}";

    /// <summary>A fresh <c>wasbs://</c> root no other test uses, its container created.</summary>
    public static async Task<string> NewAzureRootAsync(string what)
    {
        var container = new BlobServiceClient(AzureConnectionString).GetBlobContainerClient(AzureContainer);
        await container.CreateIfNotExistsAsync();
        return $"wasbs://{AzureContainer}@devstoreaccount1.blob.core.windows.net/{what}-{Guid.NewGuid():N}";
    }

    public static IEnvironmentVariables Environment(Dictionary<string, string> variables) => new DictionaryEnvironmentVariables(variables);

    private static string? Variable(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
