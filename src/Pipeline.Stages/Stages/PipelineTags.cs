namespace Pipeline.Stages.Stages;

/// <summary>
/// The tags through which stages find each other's results in the store (each stage may run in its own CI job,
/// so nothing passes between them in memory). Our own names live under <c>pipeline.</c>; MLflow's system tags
/// (<c>mlflow.parentRunId</c>, ...) are used wherever MLflow has one.
/// </summary>
public static class PipelineTags
{
    /// <summary>What a run is in the workflow: one of the <c>Role*</c> values.</summary>
    public const string Role = "pipeline.role";

    public const string RolePipeline = "pipeline";
    public const string RoleSweep = "sweep";
    public const string RoleTrial = "trial";
    public const string RoleEvaluation = "evaluation";

    /// <summary>The pipeline file, relative to the current directory, so runs of different pipelines in one experiment stay apart.</summary>
    public const string PipelineFile = "pipeline.file";

    /// <summary>
    /// On the pipeline run: the execution it belongs to (<c>--execution-id</c>, <c>PIPELINE_EXECUTION_ID</c>, or an id the
    /// process made up). Later stages of that execution, in this process or another job, find their upstream results under it.
    /// </summary>
    public const string ExecutionId = "pipeline.execution_id";

    /// <summary>On a trial: its position in the expanded search space (the last tie-break of selection).</summary>
    public const string TrialIndex = "pipeline.trial_index";

    /// <summary>On a trial: a one-line description such as <c>lbfgs_logistic_regression(C=0.5)</c>.</summary>
    public const string TrialConfiguration = "pipeline.trial";

    /// <summary>On a failed trial: the error that stopped it.</summary>
    public const string TrialError = "pipeline.error";

    /// <summary>On the sweep run: the id of the selected child run.</summary>
    public const string BestRunId = "pipeline.best_run_id";

    /// <summary>On the sweep run: the selected child's configuration.</summary>
    public const string BestConfiguration = "pipeline.best_trial";

    /// <summary>On the sweep run: the artifact path of the selected configuration refit on the whole training split.</summary>
    public const string BestModelPath = "pipeline.best_model_path";

    /// <summary>
    /// Prefix of the tags recording the SHA-256 of an artifact a later stage reads back (<c>pipeline.sha256.data/train.csv</c>,
    /// <c>pipeline.sha256.best_model/model.zip</c>): the download is checked against it, whatever store holds the file.
    /// </summary>
    public const string ArtifactSha256Prefix = "pipeline.sha256.";

    /// <summary>On the run a stage created (pipeline, sweep, evaluation): the fingerprint of that stage's inputs.</summary>
    public const string Fingerprint = "pipeline.fingerprint";

    /// <summary>On the sweep run: the fingerprint of the select stage's inputs when it last selected.</summary>
    public const string SelectFingerprint = "pipeline.fingerprint.select";

    /// <summary>On the sweep run: the fingerprint of the package stage's inputs when it last packaged.</summary>
    public const string PackageFingerprint = "pipeline.fingerprint.package";

    /// <summary>On the sweep run: the metric selection ranked by, as the select stage last read it.</summary>
    public const string SelectedBy = "pipeline.selected_by";

    /// <summary>On an evaluation run: the run whose model it evaluated.</summary>
    public const string EvaluatedRunId = "pipeline.evaluated_run_id";

    /// <summary>On an evaluation run: <c>passed</c> or <c>failed</c>, the verdict of all gates together.</summary>
    public const string GateVerdict = "pipeline.gates";

    /// <summary>Prefix of one tag per gate, e.g. <c>pipeline.gate.roc_auc</c> = <c>passed: 0.998 &gt;= 0.95</c>.</summary>
    public const string GatePrefix = "pipeline.gate.";
}
