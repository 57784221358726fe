using System.Text.RegularExpressions;

namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// A <c>wasbs://container@account.blob.core.windows.net/path</c> URI split as MLflow's <c>AzureBlobArtifactRepository</c>
/// splits it: container, storage account, the blob service's host suffix (<c>blob.core.windows.net</c>, or a sovereign
/// cloud's <c>blob.core.chinacloudapi.cn</c>), and the blob-name prefix.
/// </summary>
/// <param name="Uri">The URI as given.</param>
/// <param name="Container">The container name.</param>
/// <param name="Account">The storage account name.</param>
/// <param name="HostSuffix">The host after the account, e.g. <c>blob.core.windows.net</c>.</param>
/// <param name="Prefix">The blob-name prefix without leading or trailing <c>/</c>.</param>
public sealed partial record AzureBlobLocation(string Uri, string Container, string Account, string HostSuffix, string Prefix)
{
    /// <summary>The account's blob endpoint (https), used with an access key.</summary>
    public Uri AccountUrl => new($"https://{Account}.{HostSuffix}");

    /// <summary>Parses <paramref name="uri"/>; a URI of another shape is INVALID_PARAMETER_VALUE showing the expected one.</summary>
    public static AzureBlobLocation Parse(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        var match = Shape().Match(uri);
        if (!match.Success)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Not a WASBS URI: '{uri}' (expected wasbs://<container>@<account>.blob.core.windows.net/<path>)");
        }
        return new AzureBlobLocation(uri, match.Groups["container"].Value, match.Groups["account"].Value, match.Groups["suffix"].Value,
            match.Groups["path"].Value.Trim('/'));
    }

    [GeneratedRegex(@"^wasbs://(?<container>[^@/]+)@(?<account>[a-z0-9]+)\.(?<suffix>blob\.[a-z0-9.\-]+)(?:/(?<path>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
