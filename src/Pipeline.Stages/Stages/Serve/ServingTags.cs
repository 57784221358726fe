namespace Pipeline.Stages.Stages.Serve;

/// <summary>Tags on the pipeline run through which DockerServe tells SmokeTest (another job, perhaps) what it started.</summary>
public static class ServingTags
{
    /// <summary>The endpoint's base URL, e.g. <c>http://127.0.0.1:5001</c>.</summary>
    public const string Url = "pipeline.serve.url";

    /// <summary><c>docker</c> or <c>process</c>.</summary>
    public const string Mode = "pipeline.serve.mode";

    /// <summary>The served model as <c>models:/name/version</c>.</summary>
    public const string ModelUri = "pipeline.serve.model_uri";

    /// <summary>The image's tags, comma-separated (Docker only).</summary>
    public const string Image = "pipeline.serve.image";

    /// <summary>The served image's id (<c>sha256:…</c>), the digest a release names (Docker only).</summary>
    public const string ImageId = "pipeline.serve.image_id";

    /// <summary>The container id (Docker only).</summary>
    public const string ContainerId = "pipeline.serve.container_id";

    /// <summary>The server's process id (local process only).</summary>
    public const string ProcessId = "pipeline.serve.pid";

    /// <summary><c>running</c> or <c>stopped</c>.</summary>
    public const string State = "pipeline.serve.state";

    /// <summary>The smoke test's verdict: <c>passed</c> or <c>failed</c>.</summary>
    public const string SmokeVerdict = "pipeline.smoke";

    public const string ModeDocker = "docker";
    public const string ModeProcess = "process";

    /// <summary>The challenger served beside the model (<c>models:/name/N</c>), when <c>serve.challenger</c> names one.</summary>
    public const string ChallengerUri = "pipeline.serve.challenger_uri";

    /// <summary>The request header that decides champion or challenger, so SmokeTest can pin its requests to the champion.</summary>
    public const string StickyHeader = "pipeline.serve.sticky_header";
}
