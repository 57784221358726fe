using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Fakes;

/// <summary>
/// TEST FAKE, not a product store: just enough of <see cref="ITrackingStore"/> in memory for tests of code built
/// on the store (run creation, logging, status updates). Searches and deletes throw <see cref="NotSupportedException"/>.
/// To be replaced by the real SQLite store in these tests once it is merged.
/// </summary>
public sealed class InMemoryTrackingStore(string artifactRoot) : ITrackingStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Experiment> _experiments = [];
    private readonly Dictionary<string, StoredRun> _runs = [];

    /// <summary>Every run update received, in order (to prove a run is ended exactly once, children first).</summary>
    public List<(string RunId, RunStatus? Status)> Updates { get; } = [];

    /// <summary>When true, run updates fail as if the database were unreachable.</summary>
    public bool FailUpdates { get; set; }

    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_experiments.Values.Any(e => e.Name == name))
            {
                throw new TrackingException(ErrorCode.ResourceAlreadyExists, $"Experiment '{name}' already exists.");
            }

            var id = _experiments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var location = artifactLocation ?? new Uri(Path.Combine(artifactRoot, id)).AbsoluteUri;
            _experiments[id] = new Experiment(id, name, location, LifecycleStage.Active,
                (tags ?? []).ToDictionary(t => t.Key, t => t.Value), 0, 0);
            return Task.FromResult(id);
        }
    }

    public Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _experiments.TryGetValue(experimentId, out var e)
                ? Task.FromResult(e)
                : throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No experiment with id={experimentId}.");
        }
    }

    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_experiments.Values.FirstOrDefault(e => e.Name == name));
        }
    }

    public async Task<Run> CreateRunAsync(string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default)
    {
        var experiment = await GetExperimentAsync(experimentId, ct);
        lock (_gate)
        {
            var runId = Guid.NewGuid().ToString("N");
            var name = runName ?? tags.FirstOrDefault(t => t.Key == SystemTags.RunName)?.Value ?? $"run-{_runs.Count}";
            var info = new RunInfo(runId, experimentId, name, userId, RunStatus.Running, startTime, null,
                $"{experiment.ArtifactLocation}/{runId}/artifacts", LifecycleStage.Active);
            var stored = new StoredRun(info);
            foreach (var tag in tags)
            {
                stored.Tags[tag.Key] = tag.Value;
            }

            stored.Tags[SystemTags.RunName] = name;
            _runs[runId] = stored;
            return stored.ToRun();
        }
    }

    public Task<Run> GetRunAsync(string runId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(runId).ToRun());
        }
    }

    public Task<RunInfo> UpdateRunInfoAsync(string runId, RunStatus? status, long? endTime, string? runName, CancellationToken ct = default)
    {
        if (FailUpdates)
        {
            throw new TrackingException(ErrorCode.InternalError, "The store is unavailable.");
        }

        lock (_gate)
        {
            var run = Find(runId);
            run.Info = run.Info with
            {
                Status = status ?? run.Info.Status,
                EndTime = endTime ?? run.Info.EndTime,
                RunName = runName ?? run.Info.RunName,
            };
            Updates.Add((runId, status));
            return Task.FromResult(run.Info);
        }
    }

    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var run = Find(runId);
            foreach (var p in parameters)
            {
                if (run.Params.TryGetValue(p.Key, out var old) && old != p.Value)
                {
                    throw new TrackingException(ErrorCode.InvalidParameterValue,
                        $"Changing param values is not allowed. Param with key='{p.Key}' was already logged with value='{old}' for run ID='{runId}'. Attempted logging new value '{p.Value}'.");
                }

                run.Params[p.Key] = p.Value;
            }

            run.Metrics.AddRange(metrics);
            foreach (var t in tags)
            {
                run.Tags[t.Key] = t.Value;
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Metric> history = [.. Find(runId).Metrics.Where(m => m.Key == metricKey).OrderBy(m => m.Step).ThenBy(m => m.Timestamp)];
            return Task.FromResult(history);
        }
    }

    public Task DeleteTagAsync(string runId, string key, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Find(runId).Tags.Remove(key);
            return Task.CompletedTask;
        }
    }

    public Task<PagedList<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken ct = default) => throw new NotSupportedException();

    public Task DeleteExperimentAsync(string experimentId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task RestoreExperimentAsync(string experimentId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task RenameExperimentAsync(string experimentId, string newName, CancellationToken ct = default) => throw new NotSupportedException();

    public Task SetExperimentTagAsync(string experimentId, RunTag tag, CancellationToken ct = default) => throw new NotSupportedException();

    public Task DeleteRunAsync(string runId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task RestoreRunAsync(string runId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<PagedList<Run>> SearchRunsAsync(RunQuery query, CancellationToken ct = default) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private StoredRun Find(string runId) =>
        _runs.TryGetValue(runId, out var run)
            ? run
            : throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"Run '{runId}' not found.");

    private sealed class StoredRun(RunInfo info)
    {
        public RunInfo Info { get; set; } = info;

        public Dictionary<string, string> Params { get; } = [];

        public Dictionary<string, string> Tags { get; } = [];

        public List<Metric> Metrics { get; } = [];

        public Run ToRun()
        {
            var latest = Metrics.GroupBy(m => m.Key).Select(g => g.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).Last()).ToList();
            var data = new RunData(latest, [.. Params.Select(p => new Param(p.Key, p.Value))], [.. Tags.Select(t => new RunTag(t.Key, t.Value))]);
            return new Run(Info, data, []);
        }
    }
}
