namespace Pipeline.Stages.Stages.Serve;

/// <summary>Where a passed smoke test sends the image: a registry prefix, an archive, both or neither.</summary>
/// <param name="Registry">e.g. <c>ghcr.io/team</c>; null pushes nothing.</param>
/// <param name="Archive">An absolute path for the <c>docker save</c> archive; null writes none.</param>
public sealed record ReleaseTarget(string? Registry, string? Archive)
{
    /// <summary>Nothing to push or save.</summary>
    public bool IsEmpty => Registry is null && Archive is null;

    /// <summary>
    /// The command line's registry over the file's; the archive likewise (the command line's relative to the current
    /// directory, the file's to the pipeline file's folder).
    /// With <paramref name="pushRequired"/>, naming no registry is an error, so a release job cannot silently ship nothing.
    /// </summary>
    /// <exception cref="Running.PipelineException">A push is required and no registry is named, or the named one is not a registry prefix.</exception>
    public static ReleaseTarget Resolve(Spec.ServeSpec serve, string? registryOption, bool pushRequired, string? saveOption, string pipelineDirectory)
    {
        var registry = string.IsNullOrWhiteSpace(registryOption) ? serve.Registry : registryOption.Trim().TrimEnd('/');
        if (registry is not null && Spec.SmallSectionsReader.RegistryProblem(registry) is { } problem)
            throw new Running.PipelineException($"--registry: {problem}.");
        if (pushRequired && registry is null)
            throw new Running.PipelineException(
                "--push needs a registry to push to: set serve.registry in the pipeline file or pass --registry (e.g. ghcr.io/team or 127.0.0.1:5000).");
        var archive = !string.IsNullOrWhiteSpace(saveOption) ? Path.GetFullPath(saveOption)
            : serve.Save is { } save ? Path.GetFullPath(Path.Combine(pipelineDirectory, save))
            : null;
        return new ReleaseTarget(registry, archive);
    }
}
