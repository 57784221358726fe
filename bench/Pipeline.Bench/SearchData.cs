using System.Globalization;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Bench;

/// <summary>
/// Fills an experiment with runs for the search figure, shaped so that exactly one run in ten matches
/// <see cref="StoreBenchmarks.SearchFilter"/>: half the runs use lbfgs, a fifth of those score above 0.9, and some
/// liblinear runs also score above 0.9 so the filter's second clause has work to do.
/// </summary>
internal static class SearchData
{
    /// <summary>Creates <paramref name="runs"/> runs and returns how many match the search filter.</summary>
    public static async Task<int> FillAsync(ITrackingStore store, string experimentId, int runs)
    {
        var random = new Random(42);
        var matching = 0;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - runs * 1000L;
        for (var i = 0; i < runs; i++)
        {
            var lbfgs = i % 2 == 0;
            var high = i % 10 == 0 || (!lbfgs && i % 10 == 3);
            var auc = high ? 0.9 + 0.0999 * random.NextDouble() + 1e-6 : 0.5 + 0.39 * random.NextDouble();
            matching += lbfgs && high ? 1 : 0;
            var time = start + i * 1000L;
            var run = await store.CreateRunAsync(experimentId, "bench", time,
                [new RunTag(SystemTags.User, "bench"), new RunTag(SystemTags.SourceType, "LOCAL")], $"trial-{i}");
            await store.LogBatchAsync(run.Info.RunId,
                [
                    new Metric("roc_auc", auc, time, 0),
                    new Metric("accuracy", auc - 0.05, time, 0),
                    new Metric("f1", auc - 0.07, time, 0),
                    new Metric("log_loss", 1 - auc, time, 0),
                    new Metric("precision", auc - 0.02, time, 0),
                ],
                [
                    new Param("solver", lbfgs ? "lbfgs" : "liblinear"),
                    new Param("C", (0.01 * (1 + i % 100)).ToString(CultureInfo.InvariantCulture)),
                    new Param("max_iter", "100"),
                    new Param("penalty", "l2"),
                ],
                [new RunTag("stage", "sweep")]);
        }

        return matching;
    }
}
