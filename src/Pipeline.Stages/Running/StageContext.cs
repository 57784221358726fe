using Pipeline.Stages.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Runs.Liveness;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Running;

/// <summary>
/// Everything a stage works with, opened from the pipeline file and the options: the validated spec, the
/// tracking store, artifact repositories and a tracking client that records run metadata.
/// </summary>
public sealed class StageContext : IAsyncDisposable
{
    private readonly TrackingBackend _backend;
    private readonly RunHeartbeat _heartbeat;

    private StageContext(PipelineSpec spec, TrackingBackend backend, RunHeartbeat heartbeat, TrackingClient tracking, IStageReporter reporter, TimeProvider time, StageOptions options)
    {
        _backend = backend;
        _heartbeat = heartbeat;
        Spec = spec;
        Tracking = tracking;
        Reporter = reporter;
        Time = time;
        Options = options;
    }

    public PipelineSpec Spec { get; }

    /// <summary>The tracking URI and default artifact root in use.</summary>
    public TrackingLocation Location => _backend.Location;

    /// <summary>Experiments, runs, params, metrics, tags.</summary>
    public ITrackingStore Store => _backend.Store;

    /// <summary>The model registry beside <see cref="Store"/>.</summary>
    public IModelRegistry Registry => _backend.Registry;

    /// <summary>Opens artifact repositories of every scheme the composition root knows.</summary>
    public ArtifactRepositoryRegistry Artifacts => _backend.Artifacts;

    public TrackingClient Tracking { get; }

    public IStageReporter Reporter { get; }

    public TimeProvider Time { get; }

    public StageOptions Options { get; }

    /// <summary>The heartbeat interval and staleness timeout of the runs the stage opens (<see cref="LivenessOptions.From"/>).</summary>
    public LivenessOptions Liveness => _heartbeat.Options;

    /// <summary>The environment the runner was given (credentials, <c>DOCKER_HOST</c>); default the process's.</summary>
    public IEnvironmentVariables Environment { get; private init; } = new ProcessEnvironmentVariables();

    /// <summary>
    /// Loads and validates the pipeline file, then opens the backend it names through the composition root (the schema is
    /// created on first use): <c>--tracking-uri</c>, then <c>MLFLOW_TRACKING_URI</c>, then the file's <c>tracking.uri</c>.
    /// </summary>
    /// <exception cref="PipelineSpecException">The pipeline file has errors; nothing was opened.</exception>
    public static StageContext Open(StageOptions options, IStageReporter reporter, TimeProvider time, IEnvironmentVariables environment, RunInterruptGuard? guard)
    {
        var spec = new PipelineSpecLoader(MlTrainerCatalog.Default, new DefaultMetricCatalog()).Load(options.PipelinePath);
        var composition = TrackingComposition.CreateDefault(environment, time);
        var location = composition.Locate(options.TrackingUri, spec.Tracking.Uri, spec.Tracking.ArtifactRoot);
        var liveness = ReadLiveness(environment);
        var backend = composition.Open(location);
        // Every run the stage opens (pipeline, sweep, trials, evaluation) carries its owner and a heartbeat, so a later stage
        // or `pipeline runs cleanup` can end it FAILED when this process dies without a chance to end it (kill -9).
        var heartbeat = new RunHeartbeat(backend.Store, time, liveness);
        var tracking = new TrackingClient(backend.Store, backend.Artifacts.Open, time, new TrackingClientOptions
        {
            Environment = environment,
            InterruptGuard = guard,
            Heartbeat = heartbeat,
            RepositoryPath = Path.GetDirectoryName(Path.GetFullPath(options.PipelinePath)),
            // MLflow records the script that ran; here that is the pipeline file, whichever front end (Cake, MSBuild, CLI) ran it.
            SourceName = Path.GetFullPath(options.PipelinePath),
        });
        return new StageContext(spec, backend, heartbeat, tracking, reporter, time, options) { Environment = environment };
    }

    /// <summary>Stops the heartbeat, closes the store and the backend's HTTP client.</summary>
    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private static LivenessOptions ReadLiveness(IEnvironmentVariables environment)
    {
        try
        {
            return LivenessOptions.From(environment);
        }
        catch (ArgumentException e)
        {
            throw new PipelineException(e.Message, e);
        }
    }
}
