using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

public abstract partial class ModelRegistryContractTests<TStore>
{
    /// <summary>Models {p}-Alpha (tag team=vision), {p}-beta (team=Vision), {p}-gamma (no tags), created a second apart.</summary>
    private async Task<string> SearchFixtureAsync()
    {
        var prefix = Unique("srch");
        await Registry.CreateRegisteredModelAsync($"{prefix}-Alpha", [new RegistryTag("team", "vision")]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Registry.CreateRegisteredModelAsync($"{prefix}-beta", [new RegistryTag("team", "Vision")]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Registry.CreateRegisteredModelAsync($"{prefix}-gamma");
        return prefix;
    }

    private async Task<List<string>> ModelNamesAsync(string prefix, string? filter = null, IReadOnlyList<string>? orderBy = null)
    {
        var combined = $"name LIKE '{prefix}%'" + (filter is null ? "" : " AND " + filter);
        var page = await Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery(combined, OrderBy: orderBy));
        return page.Items.Select(m => m.Name[(prefix.Length + 1)..]).ToList();
    }

    [StoreFact]
    public async Task SearchRegisteredModels_NameFilters_LikeIsCaseSensitive_ILikeIsNot()
    {
        var p = await SearchFixtureAsync();

        Assert.Equal(["Alpha", "beta", "gamma"], await ModelNamesAsync(p));
        Assert.Equal(["beta"], await ModelNamesAsync(p, $"name = '{p}-beta'"));
        Assert.Equal(["Alpha", "gamma"], await ModelNamesAsync(p, $"name != '{p}-beta'"));
        Assert.Empty(await ModelNamesAsync(p, "name LIKE '%alpha'"));
        Assert.Equal(["Alpha"], await ModelNamesAsync(p, "name ILIKE '%ALPHA'"));
    }

    [StoreFact]
    public async Task SearchRegisteredModels_TagFilters()
    {
        var p = await SearchFixtureAsync();

        Assert.Equal(["Alpha"], await ModelNamesAsync(p, "tags.team = 'vision'"));
        Assert.Equal(["Alpha", "beta"], await ModelNamesAsync(p, "tags.team ILIKE 'VIS%'"));
        Assert.Equal(["beta"], await ModelNamesAsync(p, "tags.`team` != 'vision'"));
        Assert.Empty(await ModelNamesAsync(p, "tags.team = 'vision' AND tags.team = 'Vision'"));
    }

    [StoreFact]
    public async Task SearchRegisteredModels_OrderByLastUpdated_ThenNameTieBreak()
    {
        var p = await SearchFixtureAsync();

        Assert.Equal(["gamma", "beta", "Alpha"], await ModelNamesAsync(p, orderBy: ["last_updated_timestamp DESC"]));
        Assert.Equal(["gamma", "beta", "Alpha"], await ModelNamesAsync(p, orderBy: ["name DESC"]));
        await Registry.UpdateRegisteredModelAsync($"{p}-Alpha", "touched");
        Assert.Equal(["Alpha", "gamma", "beta"], await ModelNamesAsync(p, orderBy: ["timestamp desc"]));
    }

    [StoreFact]
    public async Task SearchRegisteredModels_PagedByTwo_SeesEveryModelOnce()
    {
        var p = await SearchFixtureAsync();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery($"name LIKE '{p}%'", 2, PageToken: token));
            seen.AddRange(page.Items.Select(m => m.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(2, pages);
        Assert.Equal([$"{p}-Alpha", $"{p}-beta", $"{p}-gamma"], seen);
    }

    [StoreFact]
    public async Task SearchRegisteredModels_BadInput_InvalidParameterValue()
    {
        var e1 = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery("run_id = 'x'")));
        Assert.Contains("Invalid attribute key 'run_id'", e1.Message);
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery(MaxResults: 1001)));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery(OrderBy: ["creation_timestamp"])));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery(OrderBy: ["name", "name DESC"])));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SearchRegisteredModelsAsync(new RegisteredModelQuery(PageToken: "!!")));
    }

    [StoreFact]
    public async Task SearchModelVersions_FilterByNameRunIdRunIdInSourceAndTags()
    {
        var name = Unique("mv");
        await Registry.CreateRegisteredModelAsync(name);
        await Registry.CreateModelVersionAsync(name, "s3://bucket/a/model", "run1", [new RegistryTag("quality", "good")]);
        await Registry.CreateModelVersionAsync(name, "s3://bucket/b/model", "run2");
        await Registry.CreateModelVersionAsync(name, "gs://c/model", "run3", [new RegistryTag("quality", "bad")]);

        async Task<long[]> Versions(string filter) =>
            (await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}' AND {filter}"))).Items.Select(v => v.Version).Order().ToArray();

        Assert.Equal(new long[] { 2L }, await Versions("run_id = 'run2'"));
        Assert.Equal(new long[] { 1L, 3L }, await Versions("run_id IN ('run1', 'run3', 'other')"));
        Assert.Equal(new long[] { 1L, 2L }, await Versions("source_path LIKE 's3://bucket/%'"));
        Assert.Equal(new long[] { 3L }, await Versions("tags.quality = 'bad'"));
        Assert.Equal(new long[] { 2L, 3L }, await Versions("version_number >= 2"));
        Assert.Equal(new long[] { 1L, 2L, 3L }, await Versions("name ILIKE '%'"));
    }

    [StoreFact]
    public async Task SearchModelVersions_DefaultOrderIsLastUpdatedDesc_PagedAndSkipsDeleted()
    {
        var name = await ModelWithVersionsAsync(0);
        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Registry.CreateModelVersionAsync(name, $"s3://b/{i}");
        }

        await Registry.DeleteModelVersionAsync(name, 3);
        var first = await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}'", MaxResults: 2));
        var second = await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}'", MaxResults: 2, PageToken: first.NextPageToken));

        Assert.Equal([4L, 2L], first.Items.Select(v => v.Version));
        Assert.Equal([1L], second.Items.Select(v => v.Version));
        Assert.Null(second.NextPageToken);
        var ascending = await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}'", OrderBy: ["version_number ASC"]));
        Assert.Equal([1L, 2L, 4L], ascending.Items.Select(v => v.Version));
    }

    [StoreFact]
    public async Task SearchModelVersions_BadFilter_InvalidParameterValueNamingTheProblem()
    {
        var bad = new Dictionary<string, string>
        {
            ["name IN ('a')"] = "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
            ["stage = 'x'"] = "Invalid attribute key 'stage' specified.",
            ["run_id > 'a'"] = "Invalid comparator for attribute: >",
            ["tags.k IN ('a')"] = "Invalid comparator for tag: IN",
            ["name = 'a' OR name = 'b'"] = "Invalid clause(s) in filter string",
            ["params.x = 'a'"] = "Invalid entity type 'params'",
        };
        foreach (var (filter, message) in bad)
        {
            var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SearchModelVersionsAsync(new ModelVersionQuery(filter)));
            Assert.Contains(message, error.Message);
        }
    }
}
