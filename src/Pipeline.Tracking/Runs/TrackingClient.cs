using System.Reflection;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Runs;

/// <summary>
/// Starts runs through the library: every run gets MLflow's system tags (user, source, git commit/branch/remote,
/// dirty flag, parent), an <c>environment.json</c> artifact and, when the working tree is dirty, the patch of
/// uncommitted changes as <c>git/uncommitted.diff</c>. The git and environment context is captured once per client.
/// </summary>
public sealed class TrackingClient
{
    private readonly ITrackingStore _store;
    private readonly Func<string, IArtifactRepository> _openArtifacts;
    private readonly TimeProvider _time;
    private readonly TrackingClientOptions _options;
    private readonly Lazy<RunContext> _context;

    /// <param name="store">Where runs are recorded.</param>
    /// <param name="openArtifacts">Opens the artifact repository at a run's <see cref="RunInfo.ArtifactUri"/>.</param>
    /// <param name="time">Stamps start/end times and metrics.</param>
    /// <param name="options">Context sources; null means all defaults.</param>
    public TrackingClient(ITrackingStore store, Func<string, IArtifactRepository> openArtifacts, TimeProvider time, TrackingClientOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _openArtifacts = openArtifacts ?? throw new ArgumentNullException(nameof(openArtifacts));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new TrackingClientOptions();
        _context = new Lazy<RunContext>(CaptureContext, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The context recorded on every run, captured on first use.</summary>
    public RunContext Context => _context.Value;

    /// <summary>
    /// Creates a RUNNING run in <paramref name="experimentId"/> and records its context. <paramref name="parentRunId"/>
    /// nests it (tag <c>mlflow.parentRunId</c>; the parent must exist in the same experiment). <paramref name="tags"/>
    /// are added last and win over the automatic ones, as in MLflow. If recording the context fails after the run was
    /// created, the run is ended FAILED before the error is rethrown. <paramref name="runId"/>, when the store can take it
    /// (<see cref="IRunIdAssigningStore"/>), is the new run's id; a run with that id existing is then an error
    /// (<see cref="ErrorCode.ResourceAlreadyExists"/>). Other stores choose the id themselves.
    /// </summary>
    public async Task<ActiveRun> StartRunAsync(
        string experimentId,
        string? runName = null,
        string? parentRunId = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken ct = default,
        string? runId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        if (parentRunId is not null)
        {
            var parent = await _store.GetRunAsync(parentRunId, ct).ConfigureAwait(false);
            if (parent.Info.ExperimentId != experimentId)
            {
                throw new TrackingException(
                    ErrorCode.InvalidParameterValue,
                    $"Parent run {parentRunId} belongs to experiment {parent.Info.ExperimentId}, not to experiment {experimentId} of the new run.");
            }
        }

        var context = Context;
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in context.ToTags())
        {
            merged[tag.Key] = tag.Value;
        }

        if (parentRunId is not null)
        {
            merged[SystemTags.ParentRunId] = parentRunId;
        }

        if (runName is not null)
        {
            merged[SystemTags.RunName] = runName;
        }

        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        var heartbeat = _options.Heartbeat;
        foreach (var (key, value) in heartbeat?.InitialTags() ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        var userId = merged.GetValueOrDefault(SystemTags.User, context.User);
        var startTime = _time.GetUtcNow().ToUnixTimeMilliseconds();
        List<RunTag> runTags = [.. merged.Select(t => new RunTag(t.Key, t.Value))];
        var created = runId is not null && _store is IRunIdAssigningStore assigning
            ? await assigning.CreateRunWithIdAsync(runId, experimentId, userId, startTime, runTags, runName, ct).ConfigureAwait(false)
            : await _store.CreateRunAsync(experimentId, userId, startTime, runTags, runName, ct).ConfigureAwait(false);

        var guard = _options.InterruptGuard;
        IDisposable? tracking = null;
        IDisposable? beating = null;
        var run = new ActiveRun(_store, _openArtifacts(created.Info.ArtifactUri), created.Info, _time, _ =>
        {
            tracking?.Dispose();
            beating?.Dispose();
        });
        tracking = guard?.Track(run);
        beating = heartbeat?.Track(run.RunId);
        try
        {
            await LogContextArtifactsAsync(run, context, ct).ConfigureAwait(false);
        }
        catch
        {
            await run.EndAsync(RunStatus.Failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return run;
    }

    private async Task LogContextArtifactsAsync(ActiveRun run, RunContext context, CancellationToken ct)
    {
        if (_options.LogEnvironmentArtifact)
        {
            await run.LogTextAsync(EnvironmentSnapshotJson.Serialize(context.Environment), EnvironmentSnapshotJson.ArtifactPath, ct).ConfigureAwait(false);
        }

        if (context.Git is { IsDirty: true, UncommittedDiff: { Length: > 0 } diff })
        {
            await run.LogTextAsync(diff, RunContextTagNames.UncommittedDiffArtifact, ct).ConfigureAwait(false);
        }
    }

    private RunContext CaptureContext()
    {
        var env = _options.Environment;
        var environment = EnvironmentInspector.Capture(env, _time);
        var git = GitInspector.Inspect(_options.RepositoryPath ?? Directory.GetCurrentDirectory(), _options.RemoteName);
        var sourceType = _options.SourceType ?? (environment.Ci is null ? SourceTypes.Local : SourceTypes.Job);
        var user = _options.User ?? environment.User;
        return new RunContext(user, _options.SourceName ?? DefaultSourceName(), sourceType, git, environment);
    }

    private static string DefaultSourceName()
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry is { Location.Length: > 0 })
        {
            return entry.Location;
        }

        // Single-file apps have no assembly location; the command that started the process names them.
        var args = Environment.GetCommandLineArgs();
        return args.Length > 0 && args[0].Length > 0 ? args[0] : "<console>";
    }
}
