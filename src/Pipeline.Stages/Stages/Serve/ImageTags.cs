namespace Pipeline.Stages.Stages.Serve;

/// <summary>Where a pushed or saved serving image is recorded: tags on the registered model version, the model's (sweep)
/// run and the pipeline run, so "which image serves version 3?" is answered in each.</summary>
public static class ImageTags
{
    /// <summary>The pushed image by its version tag, e.g. <c>ghcr.io/team/iris:3</c>.</summary>
    public const string Image = "pipeline.image";

    /// <summary>The manifest digest the registry answered, <c>sha256:…</c>: the image's identity.</summary>
    public const string Digest = "pipeline.image.digest";

    /// <summary>The <c>docker save</c> archive's path in the pipeline run's artifacts.</summary>
    public const string Archive = "pipeline.image.archive";

    /// <summary>The archive's sha256.</summary>
    public const string ArchiveSha256 = "pipeline.image.archive.sha256";
}
