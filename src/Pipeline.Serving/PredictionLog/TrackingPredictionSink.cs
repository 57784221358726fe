using System.Globalization;
using Pipeline.Tracking;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// Prediction log in the tracking store: the lines of each period are spooled to a local file, and when the period is over
/// they become one FINISHED run (tag <c>pipeline.role=inference</c>) in the inference experiment, with the file as artifact
/// <c>predictions/predictions.jsonl</c> and the period's <c>rows</c>, <c>requests</c>, <c>error_requests</c> and
/// <c>latency_mean_ms</c> as metrics. A store that is down keeps the period's file and is retried; a run already created is
/// reused on retry, so one period never becomes two runs.
/// </summary>
internal sealed class TrackingPredictionSink(
    TrackingComposition composition,
    string? trackingUri,
    string? artifactRoot,
    string experimentName,
    TimeSpan period,
    Func<string> servedModels) : IPredictionSink
{
    /// <summary>The role tag of inference runs (the pipeline's <c>pipeline.role</c>).</summary>
    public const string RoleTag = "pipeline.role";

    /// <summary>The role of an inference run.</summary>
    public const string InferenceRole = "inference";

    /// <summary>The artifact path of a period's lines.</summary>
    public const string ArtifactPath = "predictions/predictions.jsonl";

    private readonly string _spool = Path.Combine(Path.GetTempPath(), $"pipeline-prediction-log-{Guid.NewGuid():N}");
    private FileStream? _file;
    private DateTimeOffset _periodStart;
    private PredictionBatchStats _stats;
    private string? _pendingRunId;

    public async Task WriteAsync(ReadOnlyMemory<byte> lines, PredictionBatchStats stats, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TickAsync(now, cancellationToken).ConfigureAwait(false);
        if (_file is null)
        {
            Directory.CreateDirectory(_spool);
            _file = new FileStream(Path.Combine(_spool, "predictions.jsonl"), FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            _periodStart = now;
            _stats = default;
        }

        await _file.WriteAsync(lines, cancellationToken).ConfigureAwait(false);
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stats += stats;
    }

    public Task TickAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _file is not null && now - _periodStart >= period ? PublishAsync(now, cancellationToken) : Task.CompletedTask;

    public Task CloseAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _file is not null ? PublishAsync(now, cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_file is { } file)
            await file.DisposeAsync().ConfigureAwait(false);
        _file = null;
        if (Directory.Exists(_spool))
            Directory.Delete(_spool, recursive: true);
    }

    /// <summary>Turns the open period into its run; throws (keeping the period) when the store cannot be reached.</summary>
    private async Task PublishAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var file = _file!;
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        await using (var backend = composition.Open(composition.Locate(trackingUri, artifactRoot: artifactRoot)))
        {
            var store = backend.Store;
            var runId = _pendingRunId;
            if (runId is null)
            {
                var experimentId = await ExperimentIdAsync(store, cancellationToken).ConfigureAwait(false);
                var stamp = _periodStart.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
                var run = await store.CreateRunAsync(experimentId, "pipeline-serve", _periodStart.ToUnixTimeMilliseconds(),
                    [new RunTag(RoleTag, InferenceRole), new RunTag("pipeline.served_models", servedModels())], $"inference-{stamp}", cancellationToken).ConfigureAwait(false);
                runId = _pendingRunId = run.Info.RunId;
            }

            var at = now.ToUnixTimeMilliseconds();
            Metric M(string key, double value) => new(key, value, at, 0);
            await store.LogBatchAsync(runId,
                [M("rows", _stats.Rows), M("requests", _stats.Requests), M("error_requests", _stats.ErrorRequests),
                 M("latency_mean_ms", _stats.Requests == 0 ? 0 : _stats.LatencySumMs / _stats.Requests)],
                [new Param("period_seconds", period.TotalSeconds.ToString(CultureInfo.InvariantCulture))], [], cancellationToken).ConfigureAwait(false);
            var info = (await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)).Info;
            file.Position = 0;
            await backend.Artifacts.Open(info.ArtifactUri).WriteAsync(ArtifactPath, file, cancellationToken).ConfigureAwait(false);
            await store.UpdateRunInfoAsync(runId, RunStatus.Finished, at, null, cancellationToken).ConfigureAwait(false);
        }

        await file.DisposeAsync().ConfigureAwait(false);
        _file = null;
        _pendingRunId = null;
    }

    private async Task<string> ExperimentIdAsync(Tracking.Stores.ITrackingStore store, CancellationToken cancellationToken)
    {
        if (await store.GetExperimentByNameAsync(experimentName, cancellationToken).ConfigureAwait(false) is { } existing)
            return existing.ExperimentId;
        try
        {
            return await store.CreateExperimentAsync(experimentName, ct: cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException)
        {
            // Another server may have created it at the same moment; if not, the store's own error stands.
            if (await store.GetExperimentByNameAsync(experimentName, cancellationToken).ConfigureAwait(false) is { } created)
                return created.ExperimentId;
            throw;
        }
    }
}
