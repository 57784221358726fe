using System.Diagnostics;
using System.Globalization;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Bench;

/// <summary>
/// The four figures: single durable metric writes/s, batched metrics/s (1,000 a batch), run creations/s, and the
/// latency of a filtered, ordered search that returns 1,000 of 10,000 runs. Each works in its own experiment.
/// </summary>
internal sealed class StoreBenchmarks(ITrackingStore store, double scale, string only, TextWriter output)
{
    public const string SearchFilter = "metrics.roc_auc > 0.9 and params.solver = 'lbfgs'";
    private const int BatchSize = 1000;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public async Task RunAllAsync()
    {
        if (only.Contains('a'))
        {
            await SingleMetricsAsync(Count(5_000));
        }

        if (only.Contains('b'))
        {
            await BatchedMetricsAsync(Count(500_000));
        }

        if (only.Contains('c'))
        {
            await CreateRunsAsync(Count(2_000));
        }

        if (only.Contains('d'))
        {
            await SearchAsync(Count(10_000), Math.Max(5, Count(50)));
        }
    }

    private int Count(int full) => Math.Max(1, (int)(full * scale));

    private async Task<(string Experiment, string Run)> NewRunAsync(string experimentName)
    {
        var experiment = await store.CreateExperimentAsync($"{experimentName}-{_suffix}");
        var run = await store.CreateRunAsync(experiment, "bench", Now(), [], "bench");
        return (experiment, run.Info.RunId);
    }

    private async Task SingleMetricsAsync(int calls)
    {
        var (_, run) = await NewRunAsync("single-metrics");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await store.LogMetricAsync(run, new Metric("loss", 1.0 / (i + 1), Now(), i));
        }

        Report("(a) LogMetricAsync, one transaction each", calls, "metrics", watch.Elapsed, target: 2_000);
    }

    private async Task BatchedMetricsAsync(int metrics)
    {
        var (_, run) = await NewRunAsync("batched-metrics");
        var batches = Math.Max(1, metrics / BatchSize);
        var watch = Stopwatch.StartNew();
        for (var b = 0; b < batches; b++)
        {
            var timestamp = Now();
            // 10 keys x 100 steps a batch: the shape of a training loop logging several curves.
            var batch = Enumerable.Range(0, BatchSize)
                .Select(i => new Metric($"m{i % 10}", Math.Sin(b * BatchSize + i), timestamp, (long)b * 100 + i / 10)).ToList();
            await store.LogBatchAsync(run, batch, [], []);
        }

        Report($"(b) LogBatchAsync, {BatchSize} metrics a batch", batches * BatchSize, "metrics", watch.Elapsed, target: 200_000);
    }

    private async Task CreateRunsAsync(int runs)
    {
        var experiment = await store.CreateExperimentAsync($"create-runs-{_suffix}");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            await store.CreateRunAsync(experiment, "bench", Now(), [new RunTag(SystemTags.User, "bench")], null);
        }

        Report("(c) CreateRunAsync", runs, "runs", watch.Elapsed, target: null);
    }

    private async Task SearchAsync(int runs, int repetitions)
    {
        var experiment = await store.CreateExperimentAsync($"search-{_suffix}");
        var watch = Stopwatch.StartNew();
        var expected = await SearchData.FillAsync(store, experiment, runs);
        output.WriteLine($"    set-up: {runs:N0} runs with 4 params, 5 metrics, 3 tags each in {watch.Elapsed.TotalSeconds:F1} s");

        var query = new RunQuery([experiment], SearchFilter, MaxResults: Math.Max(1, expected), OrderBy: ["metrics.roc_auc DESC"]);
        var found = (await store.SearchRunsAsync(query)).Items;
        if (found.Count != expected)
        {
            throw new InvalidOperationException($"search returned {found.Count} runs, expected {expected}");
        }

        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            await store.SearchRunsAsync(query);
        }

        var times = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            watch.Restart();
            await store.SearchRunsAsync(query);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var p50 = Percentile(times, 0.50);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(d) SearchRunsAsync returning {expected:N0} of {runs:N0} runs, {repetitions} repetitions: p50 {p50:F1} ms, p95 {Percentile(times, 0.95):F1} ms, max {times[^1]:F1} ms  [target p50 < 20 ms: {(p50 < 20 ? "met" : "MISSED")}]"));
    }

    private void Report(string what, int count, string unit, TimeSpan elapsed, double? target)
    {
        var perSecond = count / elapsed.TotalSeconds;
        var verdict = target is { } t ? $"  [target >= {t:N0}/s: {(perSecond >= t ? "met" : "MISSED")}]" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {count:N0} {unit} in {elapsed.TotalSeconds:F2} s = {perSecond:N0} {unit}/s{verdict}"));
    }

    // Monotonic enough for a benchmark: every figure measures elapsed time with a Stopwatch, not with these stamps.
    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
