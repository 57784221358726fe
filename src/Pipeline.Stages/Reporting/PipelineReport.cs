using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// What the store knows about the latest run of one pipeline file, gathered by <see cref="PipelineReportReader"/>
/// for the Markdown summary and the HTML report. A part whose stage has not run yet is null (or empty).
/// </summary>
/// <param name="Experiment">The experiment name from the pipeline file.</param>
/// <param name="PipelineFile">The pipeline file as recorded on runs, e.g. <c>pipelines/breast-cancer.yaml</c>.</param>
/// <param name="GeneratedAt">When the report was gathered (from the injected clock).</param>
/// <param name="PipelineRunId">The latest finished pipeline run of this file; null before prepare-data.</param>
/// <param name="Dataset">The source dataset record and split sizes.</param>
/// <param name="Sweep">The latest sweep under the pipeline run, every trial and the winner.</param>
/// <param name="Evaluation">The latest evaluation of that sweep's selected model.</param>
/// <param name="Model">The newest registered version whose source run is the sweep run.</param>
/// <param name="Serving">Tags <c>pipeline.serve.*</c>, <c>pipeline.smoke.*</c> and <c>pipeline.image*</c> of the pipeline run, sorted by key.</param>
/// <param name="Git">The pipeline run's <c>mlflow.source.git.*</c> tags; null outside a git repository.</param>
/// <param name="Environment">The pipeline run's <c>environment.json</c> artifact, when present and readable.</param>
public sealed record PipelineReport(
    string Experiment,
    string PipelineFile,
    DateTimeOffset GeneratedAt,
    string? PipelineRunId = null,
    ReportDataset? Dataset = null,
    ReportSweep? Sweep = null,
    ReportEvaluation? Evaluation = null,
    ReportModelVersion? Model = null,
    IReadOnlyList<KeyValuePair<string, string>>? Serving = null,
    ReportGit? Git = null,
    EnvironmentSnapshot? Environment = null)
{
    /// <summary>The serving tags, never null.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServingTags => Serving ?? [];

    /// <summary>The first serving tag whose key names an image (e.g. <c>pipeline.serve.image</c>), if any.</summary>
    public string? ImageTag => ServingTags.FirstOrDefault(t => t.Key.Contains("image", StringComparison.OrdinalIgnoreCase)).Value;
}
