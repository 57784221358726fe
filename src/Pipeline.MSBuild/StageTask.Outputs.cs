using Microsoft.Build.Framework;

namespace Pipeline.MSBuild;

/// <summary>
/// The well-known stage outputs as typed <c>[Output]</c> properties: each property is set when the stage's result
/// has the output of the same name in snake case (<c>ExperimentId</c> from <c>experiment_id</c>), and is empty
/// otherwise. Every output, known or not, is also in <see cref="StageOutputs"/>.
/// </summary>
public abstract partial class StageTask
{
    /// <summary>The experiment's id (InitStore and later).</summary>
    [Output]
    public string ExperimentId { get; private set; } = "";

    /// <summary>The stage's own run, when it reports one as <c>run_id</c>.</summary>
    [Output]
    public string RunId { get; private set; } = "";

    /// <summary>The pipeline run that PrepareData opens and later stages attach to.</summary>
    [Output]
    public string PipelineRunId { get; private set; } = "";

    /// <summary>The sweep's parent run (Sweep, Select).</summary>
    [Output]
    public string SweepRunId { get; private set; } = "";

    /// <summary>The trial Select picked.</summary>
    [Output]
    public string BestRunId { get; private set; } = "";

    /// <summary>The registered model version Package created.</summary>
    [Output]
    public string ModelVersion { get; private set; } = "";

    /// <summary>The model's URI, e.g. <c>models:/breast-cancer-classifier/3</c>.</summary>
    [Output]
    public string ModelUri { get; private set; } = "";

    /// <summary>The packaged MLflow model directory as a local path (a <c>file://</c> URI is converted).</summary>
    [Output]
    public string ModelDirectory { get; private set; } = "";

    /// <summary>The serving image's tag (DockerServe).</summary>
    [Output]
    public string ImageTag { get; private set; } = "";

    /// <summary>The scoring endpoint's URL (DockerServe).</summary>
    [Output]
    public string EndpointUrl { get; private set; } = "";

    private void SetNamedOutputs(IReadOnlyDictionary<string, string> outputs)
    {
        string Get(string key) => outputs.TryGetValue(key, out var value) ? value : "";
        ExperimentId = Get("experiment_id");
        RunId = Get("run_id");
        PipelineRunId = Get("pipeline_run_id");
        SweepRunId = Get("sweep_run_id");
        BestRunId = Get("best_run_id");
        ModelVersion = Get("model_version");
        ModelUri = Get("model_uri");
        ModelDirectory = ToLocalPath(Get("model_directory"));
        ImageTag = Get("image_tag");
        EndpointUrl = Get("endpoint_url");
    }

    private static string ToLocalPath(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : value;
}
