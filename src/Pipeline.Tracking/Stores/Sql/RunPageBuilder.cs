using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Collects the rows of a page of runs (attributes, tags, params, latest metrics, inputs) read table by table, and
/// assembles them into <see cref="Run"/>s in the page's order. Readers add rows in (run, key) order, so consecutive
/// rows usually belong to the same run: the last run's lists are kept at hand instead of looked up per row.
/// </summary>
internal sealed class RunPageBuilder(int capacity)
{
    private readonly Dictionary<string, RunInfo> _infos = new(capacity, StringComparer.Ordinal);
    private readonly Rows<RunTag> _tags = new(capacity);
    private readonly Rows<Param> _params = new(capacity);
    private readonly Rows<Metric> _metrics = new(capacity);
    private readonly Rows<DatasetInput> _inputs = new(0);

    public void AddInfo(RunInfo info) => _infos[info.RunId] = info;

    public void AddTag(string runId, RunTag tag) => _tags.Of(runId).Add(tag);

    public void AddParam(string runId, Param param) => _params.Of(runId).Add(param);

    public void AddMetric(string runId, Metric metric) => _metrics.Of(runId).Add(metric);

    public void AddInput(string runId, DatasetInput input) => _inputs.Of(runId).Add(input);

    /// <summary>The runs with these ids in this order; ids without a run row are left out.</summary>
    public List<Run> Build(IReadOnlyList<string> runIds)
    {
        var runs = new List<Run>(runIds.Count);
        foreach (var id in runIds)
        {
            if (_infos.TryGetValue(id, out var info))
            {
                runs.Add(new Run(info, new RunData(_metrics.Get(id), _params.Get(id), _tags.Get(id)), _inputs.Get(id)));
            }
        }

        return runs;
    }

    private sealed class Rows<T>(int capacity)
    {
        private readonly Dictionary<string, List<T>> _byRun = new(capacity, StringComparer.Ordinal);
        private string? _lastRun;
        private List<T> _last = [];

        public List<T> Of(string runId)
        {
            if (!string.Equals(runId, _lastRun, StringComparison.Ordinal))
            {
                if (!_byRun.TryGetValue(runId, out var list))
                {
                    _byRun[runId] = list = [];
                }

                (_lastRun, _last) = (runId, list);
            }

            return _last;
        }

        public IReadOnlyList<T> Get(string runId) => _byRun.TryGetValue(runId, out var list) ? list : [];
    }
}
