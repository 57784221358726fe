using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Search;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

public abstract partial class TrackingStoreContractTests
{
    /// <summary>Three runs: a (auc 0.9, solver lbfgs, tag Team=Vision), b (auc NaN, solver sag), c (no auc, solver SAGA).</summary>
    protected async Task<(string Experiment, Run A, Run B, Run C)> SearchFixtureAsync()
    {
        var experiment = await NewExperimentAsync();
        var a = await NewRunAsync(experiment, startTime: 3000, name: "alpha");
        var b = await NewRunAsync(experiment, startTime: 2000, name: "beta");
        var c = await NewRunAsync(experiment, startTime: 1000, name: "gamma");
        await Store.LogBatchAsync(a.Info.RunId, [new Metric("auc", 0.9, 1, 0)], [new Param("solver", "lbfgs")], [new RunTag("team", "Vision")]);
        await Store.LogBatchAsync(b.Info.RunId, [new Metric("auc", double.NaN, 1, 0)], [new Param("solver", "sag")], [new RunTag("team", "vision")]);
        await Store.LogBatchAsync(c.Info.RunId, [], [new Param("solver", "SAGA*")], []);
        await Store.UpdateRunInfoAsync(c.Info.RunId, RunStatus.Failed, 1500, null);
        return (experiment, a, b, c);
    }

    /// <summary>A parsed search: passed as it is to a SQL store, spelled as MLflow's grammar for any other (the REST store).</summary>
    protected Task<PagedList<Run>> SearchAsync(RunSearch search) =>
        Store is Pipeline.Tracking.Stores.Sql.SqlTrackingStore sql ? sql.SearchRunsAsync(search) : Store.SearchRunsAsync(RunSearchText.ToQuery(search));

    protected async Task<IReadOnlyList<string>> NamesAsync(string experiment, IReadOnlyList<FilterClause>? filter = null, IReadOnlyList<OrderByClause>? orderBy = null) =>
        (await SearchAsync(new RunSearch([experiment], filter, OrderBy: orderBy))).Items.Select(r => r.Info.RunName).ToList();

    [StoreFact]
    public async Task SearchRuns_NoFilter_DefaultOrderIsStartTimeDescending()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        Assert.Equal(["alpha", "beta", "gamma"], await NamesAsync(experiment));
        var viaQuery = await Store.SearchRunsAsync(new RunQuery([experiment]));
        Assert.Equal(3, viaQuery.Items.Count);
    }

    [StoreFact]
    public async Task SearchRuns_MetricComparisons_UseLatestValueAndSkipNaN()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        Assert.Equal(["alpha"], await NamesAsync(experiment, [new FilterClause(EntityKind.Metric, "auc", Comparator.Greater, 0.5)]));
        Assert.Empty(await NamesAsync(experiment, [new FilterClause(EntityKind.Metric, "auc", Comparator.Less, 0.5)]));
        Assert.Equal(["beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Metric, "auc", Comparator.NotEqual, 0.9)]));
    }

    [StoreFact]
    public async Task SearchRuns_ParamLike_IsCaseSensitive_ILikeIsNot()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        Assert.Equal(["beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Param, "solver", Comparator.Like, "sa%")]));
        Assert.Equal(["beta", "gamma"], await NamesAsync(experiment, [new FilterClause(EntityKind.Param, "solver", Comparator.ILike, "sa%")]));
        // '*' is literal in LIKE (it is a wildcard only in SQLite's GLOB, which backs case-sensitive LIKE there).
        Assert.Equal(["gamma"], await NamesAsync(experiment, [new FilterClause(EntityKind.Param, "solver", Comparator.Like, "SAG_*")]));
        Assert.Empty(await NamesAsync(experiment, [new FilterClause(EntityKind.Param, "solver", Comparator.Like, "SAG_")]));
        Assert.Equal(["alpha", "beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Param, "solver", Comparator.NotEqual, "SAGA*")]));
    }

    [StoreFact]
    public async Task SearchRuns_TagEqualityAndAnd_JoinsClauses()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        Assert.Equal(["alpha"], await NamesAsync(experiment, [new FilterClause(EntityKind.Tag, "team", Comparator.Equal, "Vision")]));
        Assert.Equal(["beta"], await NamesAsync(experiment,
        [
            new FilterClause(EntityKind.Tag, "team", Comparator.ILike, "VISION"),
            new FilterClause(EntityKind.Param, "solver", Comparator.Equal, "sag"),
        ]));
    }

    [StoreFact]
    public async Task SearchRuns_Attributes_StatusNameIdAndTimes()
    {
        var (experiment, a, _, c) = await SearchFixtureAsync();

        Assert.Equal(["gamma"], await NamesAsync(experiment, [new FilterClause(EntityKind.Attribute, "status", Comparator.Equal, "FAILED")]));
        Assert.Equal(["alpha", "gamma"], await NamesAsync(experiment,
            [new FilterClause(EntityKind.Attribute, "run_id", Comparator.In, new[] { a.Info.RunId, c.Info.RunId })]));
        Assert.Equal(["alpha", "beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Attribute, "start_time", Comparator.GreaterOrEqual, 2000.0)]));
        Assert.Equal(["alpha"], await NamesAsync(experiment, [new FilterClause(EntityKind.Attribute, "created", Comparator.Greater, 2000.0)]));
        Assert.Equal(["gamma"], await NamesAsync(experiment, [new FilterClause(EntityKind.Attribute, "end_time", Comparator.Equal, 1500.0)]));
        Assert.Equal(["beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Attribute, "run_name", Comparator.Like, "b%")]));
        await ThrowsTracking(ErrorCode.InvalidParameterValue,
            () => NamesAsync(experiment, [new FilterClause(EntityKind.Attribute, "colour", Comparator.Equal, "x")]));
    }

    [StoreFact]
    public async Task SearchRuns_Datasets_NameDigestContext()
    {
        var (experiment, a, b, _) = await SearchFixtureAsync();
        await Store.LogInputsAsync(a.Info.RunId, [new DatasetInput(new Dataset("iris", "d1", "local", "s", null, null), [new RunTag(SystemTags.DatasetContext, "training")])]);
        await Store.LogInputsAsync(b.Info.RunId, [new DatasetInput(new Dataset("iris", "d2", "local", "s", null, null), [new RunTag(SystemTags.DatasetContext, "eval")])]);

        Assert.Equal(["alpha", "beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Dataset, "name", Comparator.Equal, "iris")]));
        Assert.Equal(["beta"], await NamesAsync(experiment, [new FilterClause(EntityKind.Dataset, "digest", Comparator.Equal, "d2")]));
        Assert.Equal(["alpha"], await NamesAsync(experiment, [new FilterClause(EntityKind.Dataset, "context", Comparator.In, new[] { "training" })]));
    }

    [StoreFact]
    public async Task SearchRuns_OrderByMetric_NaNThenMissingLastInBothDirections()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();
        var extra = await NewRunAsync(experiment, startTime: 500, name: "delta");
        await Store.LogMetricAsync(extra.Info.RunId, new Metric("auc", 0.95, 1, 0));

        Assert.Equal(["alpha", "delta", "beta", "gamma"], await NamesAsync(experiment, orderBy: [new OrderByClause(EntityKind.Metric, "auc", true)]));
        Assert.Equal(["delta", "alpha", "beta", "gamma"], await NamesAsync(experiment, orderBy: [new OrderByClause(EntityKind.Metric, "auc", false)]));
    }

    [StoreFact]
    public async Task SearchRuns_OrderByParamThenAttribute_MultiKey()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        Assert.Equal(["gamma", "alpha", "beta"], await NamesAsync(experiment, orderBy: [new OrderByClause(EntityKind.Param, "solver", true)]));
        // Binary order: "vision" sorts after "Vision"; the run without the tag comes last.
        Assert.Equal(["beta", "alpha", "gamma"], await NamesAsync(experiment,
            orderBy: [new OrderByClause(EntityKind.Tag, "team", false), new OrderByClause(EntityKind.Attribute, "start_time", false)]));
        Assert.Equal(["gamma", "beta", "alpha"], await NamesAsync(experiment, orderBy: [new OrderByClause(EntityKind.Attribute, "start_time", true)]));
    }

    [StoreFact]
    public async Task SearchRuns_OrderBySameKeyTwice_InvalidParameterValueNamingTheList()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue,
            () => Store.SearchRunsAsync(new RunQuery([experiment], OrderBy: ["metrics.auc", "metric.auc DESC"])));

        Assert.Equal("`order_by` contains duplicate fields: ['metrics.auc', 'metric.auc DESC']", error.Message);
        Assert.NotEmpty((await Store.SearchRunsAsync(new RunQuery([experiment], OrderBy: ["metrics.auc", "params.auc"]))).Items);
    }

    [StoreFact]
    public async Task SearchRuns_PageTokens_WalkEveryRunOnce()
    {
        var experiment = await NewExperimentAsync();
        for (var i = 0; i < 5; i++)
        {
            await NewRunAsync(experiment, startTime: 100); // equal start times: run_id breaks the tie
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(new RunSearch([experiment], MaxResults: 2, PageToken: token));
            seen.AddRange(page.Items.Select(r => r.Info.RunId));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [StoreFact]
    public async Task SearchRuns_ViewType_SelectsLifecycle()
    {
        var (experiment, a, _, _) = await SearchFixtureAsync();
        await Store.DeleteRunAsync(a.Info.RunId);

        Assert.Equal(["beta", "gamma"], await NamesAsync(experiment));
        var deleted = await SearchAsync(new RunSearch([experiment], ViewType: ViewType.DeletedOnly));
        Assert.Equal(["alpha"], deleted.Items.Select(r => r.Info.RunName));
        Assert.Equal(3, (await SearchAsync(new RunSearch([experiment], ViewType: ViewType.All))).Items.Count);
    }

    [StoreFact]
    public async Task SearchRuns_BadMaxResultsOrToken_InvalidParameterValue()
    {
        var experiment = await NewExperimentAsync();

        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => SearchAsync(new RunSearch([experiment], MaxResults: 50001)));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => SearchAsync(new RunSearch([experiment], PageToken: "not base64!")));
        Assert.Empty((await SearchAsync(new RunSearch([experiment], MaxResults: 50000))).Items);
    }
}
