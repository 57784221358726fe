namespace Pipeline.Stages.Running;

/// <summary>
/// What every front end passes to a stage.
/// </summary>
/// <param name="PipelinePath">The pipeline file, e.g. <c>pipelines/breast-cancer.yaml</c>.</param>
/// <param name="TrackingUri">Overrides the file's <c>tracking.uri</c> (then <c>MLFLOW_TRACKING_URI</c>, then <c>sqlite:///mlruns.db</c>).</param>
/// <param name="Force">Rerun the stage even when its inputs are unchanged.</param>
/// <param name="OutputDirectory">
/// Where the Markdown summary and the HTML report are written after each stage. Default (null):
/// <c>out/&lt;experiment&gt;</c> under the current directory.
/// </param>
/// <param name="RequireDocker">DockerServe fails when no Docker engine is reachable, instead of serving as a local process; default false.</param>
/// <param name="KeepServing">SmokeTest leaves the endpoint DockerServe started running; default false (it stops it).</param>
/// <param name="Registry">Overrides the file's <c>serve.registry</c>: SmokeTest pushes the image there once it passed; default null.</param>
/// <param name="Push">The image must be pushed: SmokeTest fails up front when no registry is named (neither <c>serve.registry</c>
/// nor <paramref name="Registry"/>); default false (push when a registry is named).</param>
/// <param name="Save">Overrides the file's <c>serve.save</c>: the <c>docker save</c> archive to write once the smoke test passed; default null.</param>
/// <param name="ExecutionId">The pipeline execution whose results the stage reads and extends (<c>--execution-id</c>); default null:
/// <c>PIPELINE_EXECUTION_ID</c>, else the execution this runner's PrepareData started, else the newest execution of the pipeline
/// file when no other is in progress (see <see cref="PipelineExecution"/>).</param>
public sealed record StageOptions(
    string PipelinePath, string? TrackingUri = null, bool Force = false, string? OutputDirectory = null, bool RequireDocker = false, bool KeepServing = false,
    string? Registry = null, bool Push = false, string? Save = null, string? ExecutionId = null);
