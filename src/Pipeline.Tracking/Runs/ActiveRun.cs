using System.Text;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Runs;

/// <summary>
/// A run started by <see cref="TrackingClient.StartRunAsync"/>, with logging helpers bound to it.
/// End it with <see cref="EndAsync"/>; disposing a run that was not ended marks it <c>FAILED</c>
/// (as leaving MLflow's <c>with start_run()</c> block by an exception does), so a crashed run is never left RUNNING.
/// </summary>
public sealed class ActiveRun : IAsyncDisposable
{
    private readonly ITrackingStore _store;
    private readonly TimeProvider _time;
    private readonly Action<ActiveRun>? _onEnded;
    private int _state; // 0 open, 1 ending or ended
    private RunStatus? _endStatus;

    internal ActiveRun(ITrackingStore store, IArtifactRepository artifacts, RunInfo info, TimeProvider time, Action<ActiveRun>? onEnded)
    {
        _store = store;
        Artifacts = artifacts;
        Info = info;
        _time = time;
        _onEnded = onEnded;
    }

    /// <summary>The run's attributes as they were when it started.</summary>
    public RunInfo Info { get; }

    /// <summary>The run's 32-hex-character id.</summary>
    public string RunId => Info.RunId;

    /// <summary>The repository holding the run's artifacts (opened on <see cref="RunInfo.ArtifactUri"/>).</summary>
    public IArtifactRepository Artifacts { get; }

    /// <summary>The status the run was ended with; null while it is open.</summary>
    public RunStatus? EndStatus => Volatile.Read(ref _state) == 0 ? null : _endStatus;

    /// <summary>Logs one metric value at <paramref name="step"/> (default 0), stamped with the current time.</summary>
    public Task LogMetricAsync(string key, double value, long step = 0, CancellationToken ct = default) =>
        LogBatchAsync([new Metric(key, value, Now(), step)], [], [], ct);

    /// <summary>Logs several metrics at one step and one timestamp, in a single batch.</summary>
    public Task LogMetricsAsync(IReadOnlyDictionary<string, double> metrics, long step = 0, CancellationToken ct = default)
    {
        var now = Now();
        return LogBatchAsync([.. metrics.Select(m => new Metric(m.Key, m.Value, now, step))], [], [], ct);
    }

    /// <summary>Logs a param; logging it again with another value is an INVALID_PARAMETER_VALUE error from the store.</summary>
    public Task LogParamAsync(string key, string value, CancellationToken ct = default) =>
        LogBatchAsync([], [new Param(key, value)], [], ct);

    /// <summary>Logs several params in a single batch.</summary>
    public Task LogParamsAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken ct = default) =>
        LogBatchAsync([], [.. parameters.Select(p => new Param(p.Key, p.Value))], [], ct);

    /// <summary>Sets (or overwrites) a tag.</summary>
    public Task SetTagAsync(string key, string value, CancellationToken ct = default) =>
        LogBatchAsync([], [], [new RunTag(key, value)], ct);

    /// <summary>Records datasets the run used (<c>log-inputs</c>), each with its input tags (e.g. <c>mlflow.data.context</c>).</summary>
    public Task LogInputsAsync(IReadOnlyList<DatasetInput> inputs, CancellationToken ct = default) =>
        _store.LogInputsAsync(RunId, inputs, ct);

    /// <summary>Copies a local file into the run's artifacts under <paramref name="artifactDirectory"/> (root when null).</summary>
    public Task<ArtifactFile> LogArtifactAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default)
    {
        EnsureOpen();
        return Artifacts.LogFileAsync(localFile, artifactDirectory, ct);
    }

    /// <summary>Copies a local folder's contents into the run's artifacts.</summary>
    public Task<IReadOnlyList<ArtifactFile>> LogArtifactsAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default)
    {
        EnsureOpen();
        return Artifacts.LogDirectoryAsync(localDirectory, artifactDirectory, ct);
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="artifactPath"/>, like MLflow's <c>log_text</c>.</summary>
    public async Task<ArtifactFile> LogTextAsync(string text, string artifactPath, CancellationToken ct = default)
    {
        EnsureOpen();
        using var content = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        return await Artifacts.WriteAsync(artifactPath, content, ct).ConfigureAwait(false);
    }

    /// <summary>The run as the store has it now.</summary>
    public Task<Run> GetRunAsync(CancellationToken ct = default) => _store.GetRunAsync(RunId, ct);

    /// <summary>
    /// Ends the run with <paramref name="status"/> (<c>FINISHED</c> by default; <c>FAILED</c> and <c>KILLED</c> also allowed)
    /// and the current time. Returns false, changing nothing, when the run was already ended (by this object, its
    /// disposal or an interrupt guard). If the store update fails the run stays open, so disposal can try again.
    /// </summary>
    public async Task<bool> EndAsync(RunStatus status = RunStatus.Finished, CancellationToken ct = default)
    {
        if (status is not (RunStatus.Finished or RunStatus.Failed or RunStatus.Killed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"A run ends as FINISHED, FAILED or KILLED, not {status.ToMlflowName()}.");
        }

        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            _endStatus = status;
            await _store.UpdateRunInfoAsync(RunId, status, Now(), null, ct).ConfigureAwait(false);
        }
        catch
        {
            _endStatus = null;
            Volatile.Write(ref _state, 0);
            throw;
        }

        _onEnded?.Invoke(this);
        return true;
    }

    /// <summary>Ends the run as <c>FAILED</c> unless it was already ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == 0)
        {
            await EndAsync(RunStatus.Failed).ConfigureAwait(false);
        }
    }

    private Task LogBatchAsync(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken ct)
    {
        EnsureOpen();
        return _store.LogBatchAsync(RunId, metrics, parameters, tags, ct);
    }

    private void EnsureOpen()
    {
        if (Volatile.Read(ref _state) != 0)
        {
            throw new InvalidOperationException($"Run {RunId} has ended ({_endStatus?.ToMlflowName()}); nothing more can be logged through this ActiveRun.");
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
