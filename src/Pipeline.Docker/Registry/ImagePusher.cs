using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Docker.Registry;

/// <summary>
/// Pushes an image the engine holds to a registry under one or more tags, and pulls images back by digest, through the
/// engine (Docker.DotNet), with credentials from <see cref="RegistryCredentialStore"/> passed as the engine's
/// <c>X-Registry-Auth</c> (never logged). The engine reports a failed push with HTTP 200 and an error message in the
/// progress stream, so every message is checked; the manifest digest comes from the same stream.
/// </summary>
public sealed partial class ImagePusher(DockerEngine engine, RegistryCredentialStore credentials)
{
    /// <summary>Tags <paramref name="source"/> (a local reference or id) as <c>repository:tag</c> for every tag and pushes them.</summary>
    /// <param name="source">What to push, e.g. <c>iris:3</c>.</param>
    /// <param name="repository">Where, e.g. <c>ghcr.io/team/iris</c>.</param>
    /// <param name="tags">The tags, e.g. <c>3</c>, <c>champion</c>.</param>
    /// <param name="log">Receives each progress line; default none.</param>
    /// <param name="cancellationToken">Cancels the push.</param>
    /// <exception cref="DockerOperationException">The registry refused the push (e.g. unauthorized) or answered no digest.</exception>
    /// <exception cref="RegistryCredentialsException">The credentials could not be read.</exception>
    public async Task<PushedImage> PushAsync(
        string source, string repository, IReadOnlyList<string> tags, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (!ImageReference.IsValidRepository(repository))
            throw new ArgumentException($"'{repository}' is not a valid image repository.", nameof(repository));
        var auth = AuthFor(repository, out var described);
        string? digest = null;
        foreach (var tag in tags)
        {
            await TagAsync(source, repository, tag, cancellationToken).ConfigureAwait(false);
            var progress = new BuildLog(log);
            try
            {
                await engine.Client.Images.PushImageAsync(repository, new ImagePushParameters { Tag = tag }, auth, progress, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (DockerApiException e)
            {
                throw new DockerOperationException($"pushing {repository}:{tag} ({described}): the engine refused ({e.StatusCode}): {e.ResponseBody}", e);
            }
            progress.ThrowIfFailed($"pushing {repository}:{tag} ({described})");
            var pushed = progress.Digest ?? throw new DockerOperationException(
                $"pushing {repository}:{tag}: the registry answered no manifest digest. Last lines:\n{progress.Tail(10)}");
            // Every tag names the same manifest; a different digest would mean the source changed during the push.
            if (digest is not null && digest != pushed)
                throw new DockerOperationException($"pushing {repository}: tag {tag} got digest {pushed}, the earlier tags {digest}.");
            digest = pushed;
        }
        return new PushedImage(repository, tags, digest ?? throw new ArgumentException("No tag to push.", nameof(tags)));
    }

    /// <summary>Pulls <c>repository@digest</c> to the engine (a no-op when it is there) and returns that reference.</summary>
    /// <exception cref="DockerOperationException">The registry refused the pull.</exception>
    public async Task<string> PullAsync(string repository, string digest, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var auth = AuthFor(repository, out var described);
        var progress = new BuildLog(log);
        try
        {
            await engine.Client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = repository, Tag = digest }, auth, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new DockerOperationException($"pulling {repository}@{digest} ({described}): the engine refused ({e.StatusCode}): {e.ResponseBody}", e);
        }
        progress.ThrowIfFailed($"pulling {repository}@{digest} ({described})");
        return $"{repository}@{digest}";
    }

    private async Task TagAsync(string source, string repository, string tag, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = repository, Tag = tag, Force = true }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new DockerOperationException($"tagging {source} as {repository}:{tag}: the engine has no image {source}.", e);
        }
    }

    private AuthConfig AuthFor(string repository, out string described)
    {
        var host = RegistryHost.Of(repository);
        var found = credentials.Find(host);
        described = found is null ? $"no credentials for {host}" : found.ToString();
        var server = host == RegistryHost.DockerHub ? RegistryHost.DockerHubConfigKey : host;
        return found switch
        {
            null => new AuthConfig { ServerAddress = server },
            { IsIdentityToken: true } => new AuthConfig { ServerAddress = server, IdentityToken = found.Secret },
            _ => new AuthConfig { ServerAddress = server, Username = found.Username, Password = found.Secret },
        };
    }
}
