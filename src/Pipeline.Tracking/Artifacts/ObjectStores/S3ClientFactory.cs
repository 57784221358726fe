using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// Builds the S3 client from MLflow's configuration names, read from the injected environment:
/// <list type="bullet">
/// <item><c>MLFLOW_S3_ENDPOINT_URL</c>: an S3-compatible endpoint (MinIO, Ceph, R2, an emulator); with it, requests
/// use path-style addressing (<c>endpoint/bucket/key</c>), which such services need.</item>
/// <item><c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>: static credentials;
/// otherwise <c>AWS_PROFILE</c> from the shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c>, default
/// <c>~/.aws/credentials</c>); otherwise the SDK's default chain (instance roles, SSO, ...).</item>
/// <item><c>AWS_DEFAULT_REGION</c> (then <c>AWS_REGION</c>; default <c>us-east-1</c>).</item>
/// <item><c>MLFLOW_S3_IGNORE_TLS=true</c>: certificates are not verified (self-signed endpoints), as MLflow's <c>verify=False</c>.</item>
/// </list>
/// Checksums are sent and checked only where S3 requires them: the SDK's default (CRC trailers on every upload) is
/// refused by most S3-compatible services.
/// </summary>
public static class S3ClientFactory
{
    /// <summary>The client for <paramref name="environment"/>; a named profile that does not exist is INVALID_PARAMETER_VALUE.</summary>
    public static IAmazonS3 Create(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = Value(environment, "AWS_DEFAULT_REGION") ?? Value(environment, "AWS_REGION") ?? "us-east-1";
        var config = new AmazonS3Config
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (Value(environment, "MLFLOW_S3_ENDPOINT_URL") is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (string.Equals(Value(environment, "MLFLOW_S3_IGNORE_TLS"), "true", StringComparison.OrdinalIgnoreCase))
            config.HttpClientFactory = new UnverifiedTlsHttpClientFactory();

        return Credentials(environment) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    private static AWSCredentials? Credentials(IEnvironmentVariables environment)
    {
        var key = Value(environment, "AWS_ACCESS_KEY_ID");
        var secret = Value(environment, "AWS_SECRET_ACCESS_KEY");
        if (key is not null && secret is not null)
            return Value(environment, "AWS_SESSION_TOKEN") is { } token ? new SessionAWSCredentials(key, secret, token) : new BasicAWSCredentials(key, secret);
        if (Value(environment, "AWS_PROFILE") is not { } profile)
            return null;
        var file = Value(environment, "AWS_SHARED_CREDENTIALS_FILE");
        if (new CredentialProfileStoreChain(file).TryGetAWSCredentials(profile, out var fromProfile))
            return fromProfile;
        throw new TrackingException(ErrorCode.InvalidParameterValue,
            $"AWS_PROFILE names profile '{profile}', which is not in {file ?? "the shared credentials file (~/.aws/credentials)"}");
    }

    private static string? Value(IEnvironmentVariables environment, string name) => environment.Get(name) is { Length: > 0 } value ? value : null;

    /// <summary>Clients whose handler accepts any server certificate (only with <c>MLFLOW_S3_IGNORE_TLS=true</c>).</summary>
    private sealed class UnverifiedTlsHttpClientFactory : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            new(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
    }
}
