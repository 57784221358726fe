using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// Artifacts in Azure Blob Storage, as MLflow's <c>AzureBlobArtifactRepository</c>:
/// <c>wasbs://container@account.blob.core.windows.net/path</c>. Credentials as MLflow reads them:
/// <c>AZURE_STORAGE_CONNECTION_STRING</c> (which also carries the endpoint, e.g. an emulator's <c>BlobEndpoint</c>), else
/// <c>AZURE_STORAGE_ACCESS_KEY</c> for the account the URI names. MLflow's last resort, <c>DefaultAzureCredential</c>,
/// is not offered (it would pull Azure.Identity and its token providers in); without either variable the error says
/// which to set. Uploads stream in 8 MiB blocks (a block blob committed at the end, so readers never see half a file).
/// </summary>
public sealed class AzureBlobArtifactRepository : ObjectStoreArtifactRepository
{
    private const int BlockSize = 8 * 1024 * 1024;
    private readonly BlobContainerClient _container;

    /// <summary>Opens <paramref name="rootUri"/> through <paramref name="container"/> (the client of the URI's container).</summary>
    public AzureBlobArtifactRepository(string rootUri, BlobContainerClient container)
        : base(rootUri, AzureBlobLocation.Parse(rootUri).Prefix)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
    }

    /// <summary>Opens <paramref name="rootUri"/> with the credentials in <paramref name="environment"/>.</summary>
    public static AzureBlobArtifactRepository FromEnvironment(string rootUri, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var location = AzureBlobLocation.Parse(rootUri);
        return new AzureBlobArtifactRepository(rootUri, ContainerClient(location, environment));
    }

    /// <summary>The container client for <paramref name="location"/> from MLflow's variables (connection string first).</summary>
    public static BlobContainerClient ContainerClient(AzureBlobLocation location, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Get("AZURE_STORAGE_CONNECTION_STRING") is { Length: > 0 } connection)
        {
            try
            {
                return new BlobServiceClient(connection).GetBlobContainerClient(location.Container);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                // The SDK's message may quote the string, key included: say what is wrong without it.
                throw new TrackingException(ErrorCode.InvalidParameterValue, "AZURE_STORAGE_CONNECTION_STRING is not a valid Azure Storage connection string");
            }
        }
        if (environment.Get("AZURE_STORAGE_ACCESS_KEY") is { Length: > 0 } key)
        {
            var credential = new StorageSharedKeyCredential(location.Account, key);
            return new BlobServiceClient(location.AccountUrl, credential).GetBlobContainerClient(location.Container);
        }
        throw new TrackingException(ErrorCode.InvalidParameterValue,
            $"No credentials for '{location.Uri}': set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCESS_KEY (the key of account '{location.Account}')");
    }

    /// <inheritdoc />
    protected override async Task PutObjectAsync(string key, Stream content, CancellationToken ct)
    {
        var options = new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockSize, MaximumTransferSize = BlockSize, MaximumConcurrency = 2 },
        };
        await Call("write", key, () => _container.GetBlockBlobClient(key).UploadAsync(content, options, ct)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<Stream?> OpenObjectAsync(string key, CancellationToken ct)
    {
        try
        {
            var result = (await _container.GetBlobClient(key).DownloadStreamingAsync(cancellationToken: ct).ConfigureAwait(false)).Value;
            return new OwningStream(result.Content, result);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            throw Failed("read", key, e);
        }
    }

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<string> Prefixes, IReadOnlyList<(string Key, long Size)> Objects)> ListLevelAsync(string prefix, CancellationToken ct)
    {
        var prefixes = new List<string>();
        var objects = new List<(string, long)>();
        try
        {
            await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, delimiter: "/", prefix: prefix, cancellationToken: ct).ConfigureAwait(false))
            {
                if (item.IsPrefix)
                    prefixes.Add(item.Prefix);
                else
                    objects.Add((item.Blob.Name, item.Blob.Properties.ContentLength ?? 0));
            }
        }
        catch (RequestFailedException e)
        {
            throw Failed("list", prefix, e);
        }
        return (prefixes, objects);
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<string> ListAllAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var pages = _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: prefix, cancellationToken: ct).AsPages().GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                Page<BlobItem> page;
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                        yield break;
                    page = pages.Current;
                }
                catch (RequestFailedException e)
                {
                    throw Failed("list", prefix, e);
                }
                foreach (var blob in page.Values)
                    yield return blob.Name;
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task DeleteObjectsAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
            await Call("delete", key, () => _container.DeleteBlobIfExistsAsync(key, cancellationToken: ct)).ConfigureAwait(false);
    }

    private async Task Call<T>(string action, string key, Func<Task<T>> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw Failed(action, key, e);
        }
    }

    // Only the status and error code: RequestFailedException's message carries the request's headers.
    private TrackingException Failed(string action, string key, RequestFailedException e) =>
        new(e.Status == 404 ? ErrorCode.ResourceDoesNotExist : ErrorCode.InternalError,
            $"Azure Blob Storage could not {action} '{key}' in container '{_container.Name}': {e.Status} {e.ErrorCode}", e);
}
