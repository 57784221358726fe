using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// One line per finished trial: how many are done, this trial's score, the best so far, and an estimate of the
/// time left from the mean trial time and the parallelism. Plain lines, so CI logs and terminals read the same.
/// </summary>
internal sealed class SweepProgress(int total, SelectSpec select, IStageReporter reporter, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly long _started = time.GetTimestamp();
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
            if (outcome.Error is null && IsBetter(outcome))
                Best = outcome;
            var elapsed = time.GetElapsedTime(_started);
            var done = shared?.Done ?? _done;
            // Shared: the sweep-wide rate since this worker started (others' trials included) estimates the time left.
            _doneAtStart ??= shared is null ? 0 : done - 1;
            var rate = Math.Max(1, done - _doneAtStart.Value);
            var left = TimeSpan.FromTicks(elapsed.Ticks / rate * Math.Max(0, total - done));
            // This worker counts itself even between its trials, when it holds none.
            var workers = shared is null ? "" : $" | {Math.Max(1, shared.ActiveWorkers)} worker{(Math.Max(1, shared.ActiveWorkers) == 1 ? "" : "s")}";
            var result = outcome.Error is null
                ? $"{select.Metric} = {Format(outcome.Metrics.GetValueOrDefault(select.Metric, double.NaN))}"
                : $"FAILED: {outcome.Error}";
            reporter.Info($"  [{done}/{total}] {outcome.Trial}: {result} | best {(Best is null ? "-" : Format(Best.Metrics[select.Metric]))}{workers} | about {left.TotalSeconds:F0} s left");
        }
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
