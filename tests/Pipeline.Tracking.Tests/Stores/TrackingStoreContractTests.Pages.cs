using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

public abstract partial class TrackingStoreContractTests
{
    /// <summary>
    /// A page of many runs over two experiments comes back field for field as logged: distinct and shared keys and values,
    /// non-ASCII text, a value far longer than a key, an empty tag value, NaN and infinities, runs ended and still running.
    /// (SQLite reads pages through its native handle and reuses one string per repeated value; this pins what it reads.)
    /// </summary>
    [StoreFact]
    public async Task SearchRuns_PageOfManyRuns_ReturnsEveryFieldAsLogged()
    {
        const int runs = 150;
        var experiments = new[] { await NewExperimentAsync(), await NewExperimentAsync() };
        var longValue = string.Concat(Enumerable.Repeat("0123456789äöü€", 300));
        var special = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1 + 0.2, -12.5, double.Epsilon };
        var expected = new Dictionary<string, (string Experiment, string Name, long Start, long? End, Metric[] Metrics, Param[] Params, RunTag[] Tags)>();
        for (var i = 0; i < runs; i++)
        {
            var experiment = experiments[i % 2];
            var name = i % 3 == 0 ? $"trial-{i}-αβγ" : $"trial-{i}";
            var run = await Store.CreateRunAsync(experiment, i % 4 == 0 ? "bob" : "alice", 10_000 + i, [], name);
            Metric[] metrics =
            [
                new("accuracy", 0.5 + i / 1000.0, 20_000 + i, i),
                new($"only-{i % 7}", special[i % special.Length], 30_000 + i, 2 * i),
            ];
            Param[] parameters = [new("C", (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)), new("note", i == 7 ? longValue : $"ñ-{i}")];
            RunTag[] tags = [new("empty", ""), new("team", i % 2 == 0 ? "vision" : "Vision-日本")];
            await Store.LogBatchAsync(run.Info.RunId, metrics, parameters, tags);
            long? end = i % 3 == 1 ? 40_000 + i : null;
            if (end is not null)
            {
                await Store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Finished, end, null);
            }

            expected[run.Info.RunId] = (experiment, name, 10_000 + i, end, metrics, parameters, tags);
        }

        var page = await Store.SearchRunsAsync(new RunQuery(experiments, MaxResults: 1000));

        Assert.Equal(runs, page.Items.Count);
        Assert.Equal(expected.Values.OrderByDescending(e => e.Start).Select(e => e.Name), page.Items.Select(r => r.Info.RunName));
        foreach (var run in page.Items)
        {
            var want = expected[run.Info.RunId];
            Assert.Equal(want.Experiment, run.Info.ExperimentId);
            Assert.Equal(want.Start, run.Info.StartTime);
            Assert.Equal(want.End, run.Info.EndTime);
            Assert.Equal(want.End is null ? RunStatus.Running : RunStatus.Finished, run.Info.Status);
            Assert.Equal(LifecycleStage.Active, run.Info.LifecycleStage);
            Assert.Equal(want.Params.OrderBy(p => p.Key, StringComparer.Ordinal), run.Data.Params);
            Assert.Equal(want.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), run.Data.Tags.Where(t => !t.Key.StartsWith("mlflow.", StringComparison.Ordinal)));
            var metrics = run.Data.Metrics.ToDictionary(m => m.Key);
            Assert.Equal(want.Metrics.Length, metrics.Count);
            foreach (var metric in want.Metrics)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(NanAsStored(metric.Value)), BitConverter.DoubleToInt64Bits(metrics[metric.Key].Value));
                Assert.Equal((metric.Timestamp, metric.Step), (metrics[metric.Key].Timestamp, metrics[metric.Key].Step));
            }
        }
    }

    // Stores keep NaN as a flag and hand back the canonical NaN.
    private static double NanAsStored(double value) => double.IsNaN(value) ? double.NaN : value;
}
