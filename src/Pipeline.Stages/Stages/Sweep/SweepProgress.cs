using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;
using TrialCounts = Pipeline.Tracking.Sweeps.TrialCounts;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// One line per finished trial: how many are done, this trial's score, the best so far, and an estimate of the
/// time left from the mean trial time and the parallelism. Plain lines, so CI logs and terminals read the same.
/// </summary>
internal sealed class SweepProgress(int total, SelectSpec select, IStageReporter reporter, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly long _started = time.GetTimestamp();
    private readonly List<int> _pruned = [];
    private int _done;
    private int? _doneAtStart;

    public TrialOutcome? Best { get; private set; }

    public string BestDescription => Best is null ? "none" : $"{Best.Trial} with {select.Metric} = {Format(Best.Metrics[select.Metric])}";

    /// <summary>Reports a finished trial; <paramref name="shared"/>, for a sweep shared by workers, gives the sweep-wide counts.</summary>
    public void Completed(TrialOutcome outcome, TrialCounts? shared = null)
    {
        lock (_lock)
        {
            _done++;
            if (outcome.State == TrialState.Complete && IsBetter(outcome))
                Best = outcome;
            var elapsed = time.GetElapsedTime(_started);
            var done = shared?.Done ?? _done;
            // Shared: the sweep-wide rate since this worker started (others' trials included) estimates the time left.
            _doneAtStart ??= shared is null ? 0 : done - 1;
            var rate = Math.Max(1, done - _doneAtStart.Value);
            var left = TimeSpan.FromTicks(elapsed.Ticks / rate * Math.Max(0, total - done));
            // This worker counts itself even between its trials, when it holds none.
            var workers = shared is null ? "" : $" | {Math.Max(1, shared.ActiveWorkers)} worker{(Math.Max(1, shared.ActiveWorkers) == 1 ? "" : "s")}";
            var result = outcome switch
            {
                { State: TrialState.Pruned, PrunedAt: var (step, value) } => $"PRUNED after fold {step} ({select.Metric} so far {Format(value)})",
                { Error: null } => $"{select.Metric} = {Format(outcome.Metrics.GetValueOrDefault(select.Metric, double.NaN))}",
                _ => $"FAILED: {outcome.Error}",
            };
            if (outcome.State == TrialState.Pruned) _pruned.Add(outcome.Trial.Index + 1);
            var pruned = _pruned.Count == 0 ? "" : $" | pruned {_pruned.Count} (#{string.Join(", #", _pruned)})";
            reporter.Info($"  [{done}/{total}] #{outcome.Trial.Index + 1} {outcome.Trial}: {result} | best {(Best is null ? "-" : Format(Best.Metrics[select.Metric]))}{pruned}{workers} | about {left.TotalSeconds:F0} s left");
        }
    }

    /// <summary>The closing line: how the trials ended, which were pruned, what was not run and why, and the best.</summary>
    public string Summary(IReadOnlyList<TrialOutcome> outcomes, int notRun, string? stopReason)
    {
        var failed = outcomes.Count(o => o.State == TrialState.Failed);
        var complete = outcomes.Count(o => o.State == TrialState.Complete);
        var parts = new List<string> { $"{complete} of {outcomes.Count} trials complete" };
        if (_pruned.Count > 0) parts.Add($"{_pruned.Count} pruned (#{string.Join(", #", _pruned.Order())})");
        if (failed > 0) parts.Add($"{failed} failed");
        var stopped = stopReason is null ? "" : $"; stopped early: {stopReason}, {notRun} of {total} declared trials not run";
        return $"Sweep finished: {string.Join(", ", parts)}{stopped}; best {BestDescription}.";
    }

    private bool IsBetter(TrialOutcome outcome)
    {
        if (!outcome.Metrics.TryGetValue(select.Metric, out var value) || double.IsNaN(value))
            return false;
        if (Best is null)
            return true;
        var best = Best.Metrics[select.Metric];
        return select.Direction == OptimizationDirection.Maximize ? value > best : value < best;
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
