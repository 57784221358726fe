using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Registry;

/// <summary>
/// Turns a <see cref="ModelUri"/> into the artifact location to load the model from: a registry URI resolves to its
/// version's download URI (its source), and a <c>runs:/</c> URI, given directly or as a version's source, to the run's
/// artifact URI joined with the path.
/// </summary>
public sealed class ModelUriResolver(IModelRegistry registry, ITrackingStore tracking)
{
    /// <summary>Resolves <paramref name="uri"/>; RESOURCE_DOES_NOT_EXIST / INVALID_PARAMETER_VALUE name what is missing or malformed.</summary>
    public Task<ResolvedModelUri> ResolveAsync(string uri, CancellationToken ct = default) => ResolveAsync(ModelUri.Parse(uri), ct);

    /// <inheritdoc cref="ResolveAsync(string, CancellationToken)"/>
    public async Task<ResolvedModelUri> ResolveAsync(ModelUri uri, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Kind == ModelUriKind.Run)
        {
            return new ResolvedModelUri(await RunArtifactUriAsync(uri, ct).ConfigureAwait(false), null, uri.RunId);
        }

        var version = await FindVersionAsync(uri, ct).ConfigureAwait(false);
        var location = await registry.GetModelVersionDownloadUriAsync(version.Name, version.Version, ct).ConfigureAwait(false);
        if (location.StartsWith("runs:", StringComparison.Ordinal))
        {
            var run = ModelUri.Parse(location);
            return new ResolvedModelUri(await RunArtifactUriAsync(run, ct).ConfigureAwait(false), version, version.RunId ?? run.RunId);
        }

        return new ResolvedModelUri(location, version, version.RunId);
    }

    /// <summary>The registry version a <c>models:/</c> URI names.</summary>
    public async Task<ModelVersion> FindVersionAsync(ModelUri uri, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        switch (uri.Kind)
        {
            case ModelUriKind.Version:
                return await registry.GetModelVersionAsync(uri.Name!, uri.Version!.Value, ct).ConfigureAwait(false);
            case ModelUriKind.Alias:
                return await registry.GetModelVersionByAliasAsync(uri.Name!, uri.Alias!, ct).ConfigureAwait(false);
            case ModelUriKind.Latest or ModelUriKind.Stage:
                var stages = uri.Kind == ModelUriKind.Stage ? new[] { uri.Stage! } : null;
                var latest = await registry.GetLatestVersionsAsync(uri.Name!, stages, ct).ConfigureAwait(false);
                return latest.MaxBy(v => v.Version) ?? throw new TrackingException(ErrorCode.ResourceDoesNotExist,
                    $"No versions of model with name '{uri.Name}'{(uri.Stage is null ? "" : $" and stage '{uri.Stage}'")} found");
            default:
                throw new TrackingException(ErrorCode.InvalidParameterValue, $"'{uri}' is a runs:/ URI, not a registry model URI.");
        }
    }

    private async Task<string> RunArtifactUriAsync(ModelUri uri, CancellationToken ct)
    {
        var run = await tracking.GetRunAsync(uri.RunId!, ct).ConfigureAwait(false);
        var root = run.Info.ArtifactUri.TrimEnd('/');
        return string.IsNullOrEmpty(uri.Path) ? root : $"{root}/{uri.Path}";
    }
}
