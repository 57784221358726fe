namespace Pipeline.Serving.PredictionLog;

/// <summary>A served model's name and version as the log and the <c>X-Model-Version</c> header give them.</summary>
/// <param name="Name">The registered model's name; null for a model served from a directory.</param>
/// <param name="Version">The registry version number, or the model's own version (its MLmodel uuid) outside the registry.</param>
public sealed record ServedModelIdentity(string? Name, string Version)
{
    /// <summary>Reads a model's <c>Version</c>: <c>name/3</c> (a registry model) or anything else (taken whole as the version).</summary>
    public static ServedModelIdentity Parse(string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(modelVersion);
        var slash = modelVersion.LastIndexOf('/');
        return slash > 0 && slash < modelVersion.Length - 1
            ? new ServedModelIdentity(modelVersion[..slash], modelVersion[(slash + 1)..])
            : new ServedModelIdentity(null, modelVersion);
    }
}
