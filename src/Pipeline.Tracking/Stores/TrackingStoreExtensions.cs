using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores;

/// <summary>Single-item conveniences, each one call of the batch primitive.</summary>
public static class TrackingStoreExtensions
{
    public static Task LogMetricAsync(this ITrackingStore store, string runId, Metric metric, CancellationToken ct = default) =>
        store.LogBatchAsync(runId, [metric], [], [], ct);

    public static Task LogParamAsync(this ITrackingStore store, string runId, Param param, CancellationToken ct = default) =>
        store.LogBatchAsync(runId, [], [param], [], ct);

    public static Task SetTagAsync(this ITrackingStore store, string runId, RunTag tag, CancellationToken ct = default) =>
        store.LogBatchAsync(runId, [], [], [tag], ct);
}
