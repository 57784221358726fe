using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Fakes;

/// <summary>
/// TEST DECORATOR over a real store: forwards every call, except that run updates fail as if the database were
/// unreachable while <see cref="FailUpdates"/> is set. Only for tests of how callers survive a store failure.
/// </summary>
public sealed class FailingTrackingStore(ITrackingStore inner) : ITrackingStore
{
    public bool FailUpdates { get; set; }

    public Task<RunInfo> UpdateRunInfoAsync(string runId, RunStatus? status, long? endTime, string? runName, CancellationToken ct = default) =>
        FailUpdates
            ? throw new TrackingException(ErrorCode.InternalError, "The store is unavailable.")
            : inner.UpdateRunInfoAsync(runId, status, endTime, runName, ct);

    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken ct = default) =>
        inner.CreateExperimentAsync(name, artifactLocation, tags, ct);

    public Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken ct = default) => inner.GetExperimentAsync(experimentId, ct);

    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken ct = default) => inner.GetExperimentByNameAsync(name, ct);

    public Task<PagedList<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken ct = default) => inner.SearchExperimentsAsync(query, ct);

    public Task DeleteExperimentAsync(string experimentId, CancellationToken ct = default) => inner.DeleteExperimentAsync(experimentId, ct);

    public Task RestoreExperimentAsync(string experimentId, CancellationToken ct = default) => inner.RestoreExperimentAsync(experimentId, ct);

    public Task RenameExperimentAsync(string experimentId, string newName, CancellationToken ct = default) => inner.RenameExperimentAsync(experimentId, newName, ct);

    public Task SetExperimentTagAsync(string experimentId, RunTag tag, CancellationToken ct = default) => inner.SetExperimentTagAsync(experimentId, tag, ct);
    public Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken ct = default) => inner.DeleteExperimentTagAsync(experimentId, key, ct);

    public Task<Run> CreateRunAsync(string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default) =>
        inner.CreateRunAsync(experimentId, userId, startTime, tags, runName, ct);

    public Task<Run> GetRunAsync(string runId, CancellationToken ct = default) => inner.GetRunAsync(runId, ct);

    public Task DeleteRunAsync(string runId, CancellationToken ct = default) => inner.DeleteRunAsync(runId, ct);

    public Task RestoreRunAsync(string runId, CancellationToken ct = default) => inner.RestoreRunAsync(runId, ct);

    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken ct = default) =>
        inner.LogBatchAsync(runId, metrics, parameters, tags, ct);

    public Task DeleteTagAsync(string runId, string key, CancellationToken ct = default) => inner.DeleteTagAsync(runId, key, ct);

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken ct = default) => inner.LogInputsAsync(runId, inputs, ct);

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken ct = default) =>
        inner.GetMetricHistoryAsync(runId, metricKey, ct);

    public Task<PagedList<Metric>> GetMetricHistoryPageAsync(string runId, string metricKey, int? maxResults, string? pageToken, CancellationToken ct = default) =>
        inner.GetMetricHistoryPageAsync(runId, metricKey, maxResults, pageToken, ct);

    public Task<PagedList<Run>> SearchRunsAsync(RunQuery query, CancellationToken ct = default) => inner.SearchRunsAsync(query, ct);

    // The inner store belongs to whoever made it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
