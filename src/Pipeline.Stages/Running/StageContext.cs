using Pipeline.Stages.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Running;

/// <summary>
/// Everything a stage works with, opened from the pipeline file and the options: the validated spec, the
/// tracking store, artifact repositories and a tracking client that records run metadata.
/// </summary>
public sealed class StageContext : IAsyncDisposable
{
    private StageContext(PipelineSpec spec, TrackingLocation location, ITrackingStore store, ArtifactRepositoryRegistry artifacts,
        TrackingClient tracking, IStageReporter reporter, TimeProvider time, StageOptions options)
    {
        Spec = spec;
        Location = location;
        Store = store;
        Artifacts = artifacts;
        Tracking = tracking;
        Reporter = reporter;
        Time = time;
        Options = options;
    }

    public PipelineSpec Spec { get; }

    public TrackingLocation Location { get; }

    public ITrackingStore Store { get; }

    public ArtifactRepositoryRegistry Artifacts { get; }

    public TrackingClient Tracking { get; }

    public IStageReporter Reporter { get; }

    public TimeProvider Time { get; }

    public StageOptions Options { get; }

    /// <summary>The environment the runner was given (credentials, <c>DOCKER_HOST</c>); default the process's.</summary>
    public Pipeline.Tracking.Metadata.IEnvironmentVariables Environment { get; private init; } = new Pipeline.Tracking.Metadata.ProcessEnvironmentVariables();

    /// <summary>Loads and validates the pipeline file, then opens the store it names (the schema is created on first use).</summary>
    /// <exception cref="PipelineSpecException">The pipeline file has errors; nothing was opened.</exception>
    public static StageContext Open(StageOptions options, IStageReporter reporter, TimeProvider time, IEnvironmentVariables environment, RunInterruptGuard? guard)
    {
        var spec = new PipelineSpecLoader(MlTrainerCatalog.Default, new DefaultMetricCatalog()).Load(options.PipelinePath);
        var location = TrackingLocation.Resolve(options, spec, environment, Directory.GetCurrentDirectory());
        var store = TrackingStoreRegistry.CreateDefault().Open(location.TrackingUri, location.ArtifactRoot, time);
        var artifacts = new ArtifactRepositoryRegistry();
        HttpClient? http = null;
        if (Uri.TryCreate(location.TrackingUri, UriKind.Absolute, out var server) && server.Scheme is "http" or "https")
        {
            // Runs created through a tracking server keep their files behind its artifact proxy (mlflow-artifacts:/...).
            http = new HttpClient();
            var token = environment.Get("MLFLOW_TRACKING_TOKEN");
            artifacts.AddMlflowArtifacts(server, http, string.IsNullOrEmpty(token) ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token));
        }
        var tracking = new TrackingClient(store, artifacts.Open, time, new TrackingClientOptions
        {
            Environment = environment,
            InterruptGuard = guard,
            RepositoryPath = Path.GetDirectoryName(Path.GetFullPath(options.PipelinePath)),
            // MLflow records the script that ran; here that is the pipeline file, whichever front end (Cake, MSBuild, CLI) ran it.
            SourceName = Path.GetFullPath(options.PipelinePath),
        });
        return new StageContext(spec, location, store, artifacts, tracking, reporter, time, options) { _http = http, Environment = environment };
    }

    private HttpClient? _http;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _http?.Dispose();
    }
}
