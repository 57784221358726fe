namespace Pipeline.Docker;

/// <summary>Label keys put on images and containers: OCI's annotation keys and this project's own.</summary>
public static class ImageLabels
{
    /// <summary>OCI: human-readable title (the model name).</summary>
    public const string Title = "org.opencontainers.image.title";
    /// <summary>OCI: version of the packaged software (the model version).</summary>
    public const string Version = "org.opencontainers.image.version";
    /// <summary>OCI: source control revision (the git commit).</summary>
    public const string Revision = "org.opencontainers.image.revision";
    /// <summary>OCI: creation time, RFC 3339.</summary>
    public const string Created = "org.opencontainers.image.created";
    /// <summary>OCI: description.</summary>
    public const string Description = "org.opencontainers.image.description";
    /// <summary>OCI: URL of the source.</summary>
    public const string Source = "org.opencontainers.image.source";
    /// <summary>OCI: the base image's reference.</summary>
    public const string BaseName = "org.opencontainers.image.base.name";

    /// <summary>Registered model name.</summary>
    public const string ModelName = "pipeline.model.name";
    /// <summary>Registered model version.</summary>
    public const string ModelVersion = "pipeline.model.version";
    /// <summary>MLflow run id that produced the model.</summary>
    public const string RunId = "pipeline.run_id";
    /// <summary>Git commit the pipeline ran at.</summary>
    public const string GitCommit = "pipeline.git.commit";
    /// <summary>The served model's URI, <c>models:/&lt;name&gt;/&lt;version&gt;</c>.</summary>
    public const string ModelUri = "pipeline.model.uri";
    /// <summary>sha256 of the model's <c>manifest.json</c> (which lists the sha256 of every model file).</summary>
    public const string ModelSha256 = "pipeline.model.sha256";
    /// <summary>Digest of the data set the model was trained on (MLflow's dataset digest).</summary>
    public const string DatasetDigest = "pipeline.dataset.digest";
    /// <summary>Content hash of a minimal base image (what its tag is derived from).</summary>
    public const string BaseHash = "pipeline.base.hash";
    /// <summary>Set to <c>true</c> on every container <see cref="ContainerRunner"/> creates.</summary>
    public const string Managed = "pipeline.managed";
}
