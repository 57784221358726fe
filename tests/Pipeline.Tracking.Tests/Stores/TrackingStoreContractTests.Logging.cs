using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

public abstract partial class TrackingStoreContractTests
{
    [StoreFact]
    public async Task LogBatch_ParamSameValueAgain_Accepted()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Store.LogParamAsync(run.Info.RunId, new Param("solver", "lbfgs"));
        await Store.LogParamAsync(run.Info.RunId, new Param("solver", "lbfgs"));

        Assert.Equal("lbfgs", (await Store.GetRunAsync(run.Info.RunId)).Data.Param("solver"));
    }

    [StoreFact]
    public async Task LogBatch_ParamChangedValue_ThrowsAndLogsNothingOfTheBatch()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Store.LogParamAsync(run.Info.RunId, new Param("solver", "lbfgs"));

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogBatchAsync(run.Info.RunId,
            [new Metric("m", 1, 1, 0)], [new Param("solver", "sag")], [new RunTag("t", "v")]));

        Assert.Equal("Changing param values is not allowed. Params were already logged=" +
                     $"'[{{'key': 'solver', 'old_value': 'lbfgs', 'new_value': 'sag'}}]' for run ID='{run.Info.RunId}'.", error.Message);
        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;
        Assert.Equal(("lbfgs", (double?)null, (string?)null), (data.Param("solver"), data.Metric("m"), data.Tag("t")));
    }

    [StoreFact]
    public async Task LogBatch_NaNAndInfinities_RoundTrip()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Store.LogBatchAsync(run.Info.RunId,
            [new Metric("nan", double.NaN, 1, 0), new Metric("pinf", double.PositiveInfinity, 1, 0), new Metric("ninf", double.NegativeInfinity, 1, 0)], [], []);

        var data = (await Store.GetRunAsync(run.Info.RunId)).Data;
        Assert.True(double.IsNaN(data.Metric("nan")!.Value));
        Assert.Equal(double.PositiveInfinity, data.Metric("pinf"));
        Assert.Equal(double.NegativeInfinity, data.Metric("ninf"));
        Assert.True(double.IsNaN(Assert.Single(await Store.GetMetricHistoryAsync(run.Info.RunId, "nan")).Value));
        Assert.Equal(double.NegativeInfinity, Assert.Single(await Store.GetMetricHistoryAsync(run.Info.RunId, "ninf")).Value);
    }

    [StoreFact]
    public async Task LogBatch_LatestMetric_IsMaxOfStepTimestampValue()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;

        await Store.LogMetricAsync(id, new Metric("loss", 0.5, Timestamp: 100, Step: 2));
        await Store.LogMetricAsync(id, new Metric("loss", 0.9, Timestamp: 999, Step: 1)); // older step loses
        await Store.LogMetricAsync(id, new Metric("loss", 0.1, Timestamp: 100, Step: 2)); // same step and time, smaller value loses
        await Store.LogMetricAsync(id, new Metric("loss", 0.7, Timestamp: 100, Step: 2)); // larger value wins

        Assert.Equal(new Metric("loss", 0.7, 100, 2), Assert.Single((await Store.GetRunAsync(id)).Data.Metrics));
    }

    [StoreFact]
    public async Task LogBatch_ManyValuesOfOneKeyInOneBatch_LatestAsIfLoggedOneByOne()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;
        await Store.LogMetricAsync(id, new Metric("auc", 0.95, Timestamp: 50, Step: 40));

        // 60 values cross the store's multi-row insert chunks; the greatest (step, timestamp, value) is in the middle.
        var batch = Enumerable.Range(0, 60).Select(i => new Metric("auc", i / 100.0, Timestamp: 10, Step: i % 41)).ToList();
        batch.Add(new Metric("auc", 0.01, Timestamp: 10, Step: 40)); // same step and time, smaller value loses
        batch.Add(new Metric("loss", double.NaN, Timestamp: 10, Step: 3));
        batch.Add(new Metric("loss", 0.0, Timestamp: 10, Step: 3)); // ties the stored NaN (0): the first one stays
        await Store.LogBatchAsync(id, batch, [], []);

        var latest = (await Store.GetRunAsync(id)).Data;
        Assert.Equal(0.95, latest.Metric("auc")); // logged earlier at step 40, timestamp 50: newer than every batch value
        Assert.True(double.IsNaN(latest.Metric("loss")!.Value));
        Assert.Equal(62, (await Store.GetMetricHistoryAsync(id, "auc")).Count);

        await Store.LogBatchAsync(id, [new Metric("auc", 0.2, Timestamp: 60, Step: 40), new Metric("auc", 0.3, Timestamp: 60, Step: 40)], [], []);
        Assert.Equal(0.3, (await Store.GetRunAsync(id)).Data.Metric("auc"));
    }

    [StoreFact]
    public async Task GetMetricHistory_EveryValueInStepOrder_ExactDuplicatesOnce()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;

        await Store.LogBatchAsync(id, [new Metric("acc", 0.3, 10, 3), new Metric("acc", 0.1, 10, 1), new Metric("acc", 0.2, 10, 2)], [], []);
        await Store.LogMetricAsync(id, new Metric("acc", 0.2, 10, 2));

        var history = await Store.GetMetricHistoryAsync(id, "acc");
        Assert.Equal([1L, 2L, 3L], history.Select(m => m.Step));
        Assert.Equal([0.1, 0.2, 0.3], history.Select(m => m.Value));
    }

    [StoreFact]
    public async Task GetMetricHistory_OrderedByTimestampThenStepThenValue_AsMlflow()
    {
        var id = (await NewRunAsync(await NewExperimentAsync())).Info.RunId;

        await Store.LogBatchAsync(id, [new Metric("m", 0.5, 30, 1), new Metric("m", 0.9, 20, 2), new Metric("m", 0.7, 20, 2), new Metric("m", 0.1, 20, 5)], [], []);

        var history = await Store.GetMetricHistoryAsync(id, "m");
        Assert.Equal([(20L, 2L, 0.7), (20L, 2L, 0.9), (20L, 5L, 0.1), (30L, 1L, 0.5)], history.Select(m => (m.Timestamp, m.Step, m.Value)));
    }

    [StoreFact]
    public async Task GetMetricHistoryPage_PagesThroughEveryValueOnce_LastPageHasNoToken()
    {
        var id = (await NewRunAsync(await NewExperimentAsync())).Info.RunId;
        await Store.LogBatchAsync(id, Enumerable.Range(0, 7).Select(i => new Metric("loss", 1.0 / (i + 1), 100 + i, i)).ToList(), [], []);

        var steps = new List<long>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.GetMetricHistoryPageAsync(id, "loss", 3, token);
            Assert.True(page.Items.Count <= 3);
            steps.AddRange(page.Items.Select(m => m.Step));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], steps);
        var exact = await Store.GetMetricHistoryPageAsync(id, "loss", 7, null);
        Assert.Equal(7, exact.Items.Count);
        Assert.Null(exact.NextPageToken);
        var rest = await Store.GetMetricHistoryPageAsync(id, "loss", null, SearchPageToken.Create(5));
        Assert.Equal([5L, 6], rest.Items.Select(m => m.Step));
        Assert.Null(rest.NextPageToken);
    }

    [StoreFact]
    public async Task GetMetricHistoryPage_BadTokenOrPageSize_InvalidParameterValue_UnknownRunDoesNotExist()
    {
        var id = (await NewRunAsync(await NewExperimentAsync())).Info.RunId;

        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.GetMetricHistoryPageAsync(id, "loss", 10, "not a token!"));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.GetMetricHistoryPageAsync(id, "loss", 0, null));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.GetMetricHistoryPageAsync(id, "loss", 50_001, null));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.GetMetricHistoryPageAsync(new string('0', 32), "loss", 10, null));
    }

    [StoreFact]
    public async Task LogBatch_LimitsAndKeyRules_AsMlflow()
    {
        var id = (await NewRunAsync(await NewExperimentAsync())).Info.RunId;
        var tooMany = Enumerable.Range(0, 1001).Select(i => new Metric("m", i, 1, i)).ToList();

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogBatchAsync(id, tooMany, [], []));
        Assert.StartsWith("A batch logging request can contain at most 1000 metrics. Got 1001 metrics.", error.Message);
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogBatchAsync(id, [],
            Enumerable.Range(0, 101).Select(i => new Param($"p{i}", "v")).ToList(), []));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogBatchAsync(id,
            Enumerable.Range(0, 950).Select(i => new Metric("m", i, 1, i)).ToList(), [], Enumerable.Range(0, 51).Select(i => new RunTag($"t{i}", "v")).ToList()));
        foreach (var bad in new[] { "", "a//b", "../x", "/a", "a/", "bad*char", "a/./b" })
        {
            await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogMetricAsync(id, new Metric(bad, 1, 1, 0)));
        }

        // MLflow allows ':' in keys since 2.16 (not on Windows, where its file store uses keys as file names).
        await Store.LogMetricAsync(id, new Metric("val:loss", 1, 1, 0));

        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogParamAsync(id, new Param("p", new string('x', 6001))));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.SetTagAsync(id, new RunTag("t", new string('x', 8001))));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogParamAsync(id, new Param(new string('k', 251), "v")));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogMetricAsync(id, new Metric("m", 1, -1, 0)));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogBatchAsync(id, [], [new Param("p", "1"), new Param("p", "1")], []));

        await Store.LogBatchAsync(id, [new Metric("a b/c.d-e_f", 1, 1, 0)], [new Param("p", new string('x', 6000))], [new RunTag("t", new string('y', 8000))]);
        var data = (await Store.GetRunAsync(id)).Data;
        Assert.Equal((6000, 8000), (data.Param("p")!.Length, data.Tag("t")!.Length));
    }
}
