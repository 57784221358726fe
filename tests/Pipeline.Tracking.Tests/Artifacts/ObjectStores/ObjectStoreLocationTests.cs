using Pipeline.Tracking.Artifacts.ObjectStores;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Tests.Artifacts.ObjectStores;

public sealed class ObjectStoreLocationTests
{
    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://bucket/", "bucket", "")]
    [InlineData("s3://bucket/mlflow/1/abc/artifacts", "bucket", "mlflow/1/abc/artifacts")]
    public void S3Location_Parse_SplitsBucketAndPrefix(string uri, string bucket, string prefix) =>
        Assert.Equal((bucket, prefix), (S3Location.Parse(uri).Bucket, S3Location.Parse(uri).Prefix));

    [Theory]
    [InlineData("s3:///path")]
    [InlineData("gs://bucket/path")]
    public void S3Location_Parse_NoBucketOrOtherScheme_InvalidParameterValue(string uri) =>
        Assert.Equal(ErrorCode.InvalidParameterValue, Assert.Throws<TrackingException>(() => S3Location.Parse(uri)).Code);

    [Fact]
    public void AzureBlobLocation_Parse_SplitsContainerAccountSuffixAndPath()
    {
        var location = AzureBlobLocation.Parse("wasbs://models@acme.blob.core.windows.net/mlflow/1/abc/artifacts");

        Assert.Equal(("models", "acme", "blob.core.windows.net", "mlflow/1/abc/artifacts"), (location.Container, location.Account, location.HostSuffix, location.Prefix));
        Assert.Equal(new Uri("https://acme.blob.core.windows.net"), location.AccountUrl);
    }

    [Theory]
    [InlineData("wasbs://acme.blob.core.windows.net/path")]
    [InlineData("wasb://c@acme.blob.core.windows.net/path")]
    [InlineData("wasbs://c@acme.dfs.core.windows.net/path")]
    public void AzureBlobLocation_Parse_OtherShapes_NameTheExpectedOne(string uri) =>
        Assert.Contains("wasbs://<container>@<account>.blob.core.windows.net/<path>", Assert.Throws<TrackingException>(() => AzureBlobLocation.Parse(uri)).Message);

    [Fact]
    public void AzureBlob_NoCredentials_SaysWhichVariablesToSet()
    {
        var error = Assert.Throws<TrackingException>(() => AzureBlobArtifactRepository.FromEnvironment("wasbs://c@acme.blob.core.windows.net/p", new DictionaryEnvironmentVariables()));

        Assert.Contains("set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCESS_KEY", error.Message);
    }

    [Fact]
    public void AzureBlob_MalformedConnectionString_ErrorDoesNotQuoteIt()
    {
        var secret = "AccountKey=c2VjcmV0LWtleQ==;NotAKey";
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AZURE_STORAGE_CONNECTION_STRING"] = secret });

        var error = Assert.Throws<TrackingException>(() => AzureBlobArtifactRepository.FromEnvironment("wasbs://c@acme.blob.core.windows.net/p", environment));

        Assert.DoesNotContain("c2VjcmV0LWtleQ", error.ToString());
    }

    [Fact]
    public void S3ClientFactory_MissingProfile_NamesProfileAndFile()
    {
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_PROFILE"] = "nope", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials" });

        var error = Assert.Throws<TrackingException>(() => S3ClientFactory.Create(environment));

        Assert.Contains("profile 'nope'", error.Message);
    }
}
