using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores;

/// <summary>
/// The tracking store contract, the same on both sides of the wire (MLflow's <c>AbstractStore</c>):
/// SQL stores implement it, the tracking server's handlers call it, a REST client implements it.
/// Conveniences such as <c>LogMetricAsync</c> are extension methods over <see cref="LogBatchAsync"/>.
/// Errors are <see cref="TrackingException"/> with MLflow's error codes.
/// </summary>
public interface ITrackingStore : IAsyncDisposable
{
    /// <summary>Creates the experiment; <paramref name="artifactLocation"/> defaults to <c>{artifact root}/{id}</c>.</summary>
    Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken ct = default);

    /// <summary>Throws <see cref="ErrorCode.ResourceDoesNotExist"/> for an unknown id.</summary>
    Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken ct = default);

    /// <summary>Null when no experiment (active or deleted) has that name.</summary>
    Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken ct = default);

    Task<PagedList<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken ct = default);

    Task DeleteExperimentAsync(string experimentId, CancellationToken ct = default);

    Task RestoreExperimentAsync(string experimentId, CancellationToken ct = default);

    Task RenameExperimentAsync(string experimentId, string newName, CancellationToken ct = default);

    Task SetExperimentTagAsync(string experimentId, RunTag tag, CancellationToken ct = default);

    /// <summary>Deletes an experiment tag (MLflow's <c>experiments/delete-experiment-tag</c>); the experiment must be active and the tag must exist.</summary>
    Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken ct = default);

    /// <summary>Creates a RUNNING run. <paramref name="startTime"/> is Unix ms; a missing name is generated as MLflow does.</summary>
    Task<Run> CreateRunAsync(string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default);

    Task<Run> GetRunAsync(string runId, CancellationToken ct = default);

    Task<RunInfo> UpdateRunInfoAsync(string runId, RunStatus? status, long? endTime, string? runName, CancellationToken ct = default);

    Task DeleteRunAsync(string runId, CancellationToken ct = default);

    Task RestoreRunAsync(string runId, CancellationToken ct = default);

    /// <summary>
    /// The one write primitive: logs metrics, params and tags atomically. A param logged again with the same
    /// value is accepted; with a different value it is an <see cref="ErrorCode.InvalidParameterValue"/> error.
    /// </summary>
    Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken ct = default);

    Task DeleteTagAsync(string runId, string key, CancellationToken ct = default);

    Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken ct = default);

    /// <summary>Every logged value of one metric, in MLflow's order: timestamp, then step, then value.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken ct = default);

    /// <summary>
    /// One page of a metric's history in the order of <see cref="GetMetricHistoryAsync"/>, from the offset the page token
    /// names (MLflow's token; null for the first page): at most <paramref name="maxResults"/> values, or all the rest
    /// when it is null; the next page token is set only when more values follow. A bad token or a
    /// <paramref name="maxResults"/> outside 1..50,000 is INVALID_PARAMETER_VALUE.
    /// </summary>
    Task<PagedList<Metric>> GetMetricHistoryPageAsync(string runId, string metricKey, int? maxResults, string? pageToken, CancellationToken ct = default);

    Task<PagedList<Run>> SearchRunsAsync(RunQuery query, CancellationToken ct = default);
}
