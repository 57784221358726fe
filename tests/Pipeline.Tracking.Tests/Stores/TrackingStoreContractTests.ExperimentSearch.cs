using System.Globalization;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

// experiments/search's filter, as MLflow's SQL store takes it: name, creation_time, last_update_time and tags.
public abstract partial class TrackingStoreContractTests
{
    [StoreFact]
    public async Task SearchExperiments_FilterByNameEqualityAndPatterns_ReturnsTheMatchingExperiments()
    {
        var prefix = Unique("filter");
        foreach (var suffix in new[] { "Train", "train-2", "eval" })
        {
            await Store.CreateExperimentAsync($"{prefix}-{suffix}");
        }

        Assert.Equal([$"{prefix}-eval"], await ExperimentNamesAsync($"name = '{prefix}-eval'"));
        Assert.Equal([$"{prefix}-train-2"], await ExperimentNamesAsync($"name LIKE '{prefix}-train%'"));
        Assert.Equal([$"{prefix}-Train", $"{prefix}-train-2"], await ExperimentNamesAsync($"attribute.name ILIKE '{prefix}-TRAIN%'"));
        Assert.Equal([$"{prefix}-Train", $"{prefix}-train-2"], await ExperimentNamesAsync($"name LIKE '{prefix}-%' AND name != '{prefix}-eval'"));
    }

    [StoreFact]
    public async Task SearchExperiments_FilterByTag_MatchesOnlyExperimentsThatHaveTheTagWithThatValue()
    {
        var prefix = Unique("tagged");
        var team = Unique("team");
        foreach (var (suffix, owner) in new[] { ("a", "vision"), ("b", "nlp"), ("c", null) })
        {
            var id = await Store.CreateExperimentAsync($"{prefix}-{suffix}");
            if (owner is not null)
            {
                await Store.SetExperimentTagAsync(id, new RunTag(team, owner));
            }
        }

        Assert.Equal([$"{prefix}-a"], await ExperimentNamesAsync($"tags.`{team}` = 'vision'"));
        Assert.Equal([$"{prefix}-b"], await ExperimentNamesAsync($"tags.`{team}` != 'vision'"));
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], await ExperimentNamesAsync($"tags.`{team}` LIKE '%n%'"));
    }

    [StoreFact]
    public async Task SearchExperiments_FilterByCreationTime_ComparesMilliseconds()
    {
        var name = Unique("timed");
        var created = (await Store.GetExperimentAsync(await Store.CreateExperimentAsync(name))).CreationTime;
        var at = created.ToString(CultureInfo.InvariantCulture);

        Assert.Equal([name], await ExperimentNamesAsync($"name = '{name}' AND creation_time = {at}"));
        Assert.Equal([name], await ExperimentNamesAsync($"name = '{name}' AND creation_time >= {at} AND last_update_time <= {at}"));
        Assert.Empty(await ExperimentNamesAsync($"name = '{name}' AND creation_time > {at}"));
        Assert.Empty(await ExperimentNamesAsync($"name = '{name}' AND creation_time < {at}"));
    }

    [StoreFact]
    public async Task SearchExperiments_FilterAndViewType_AreCombined()
    {
        var prefix = Unique("view");
        await Store.CreateExperimentAsync($"{prefix}-kept");
        await Store.DeleteExperimentAsync(await Store.CreateExperimentAsync($"{prefix}-gone"));

        var deleted = await Store.SearchExperimentsAsync(new ExperimentQuery(ViewType: ViewType.DeletedOnly, Filter: $"name LIKE '{prefix}%'"));
        var all = await Store.SearchExperimentsAsync(new ExperimentQuery(ViewType: ViewType.All, Filter: $"name LIKE '{prefix}%'", OrderBy: ["name"]));

        Assert.Equal([$"{prefix}-gone"], deleted.Items.Select(e => e.Name));
        Assert.Equal([$"{prefix}-gone", $"{prefix}-kept"], all.Items.Select(e => e.Name));
    }

    [StoreFact]
    public async Task SearchExperiments_FilterMlflowRefuses_InvalidParameterValueSayingWhy()
    {
        foreach (var (filter, expected) in new[]
                 {
                     ("run_id = 'x'", "Invalid attribute key 'run_id'"),
                     ("name > 'x'", "Invalid comparator '>'"),
                     ("creation_time LIKE '1%'", "Expected numeric value type for numeric attribute: creation_time"),
                     ("name = 5", "attributes support comparison with numeric values"),
                     ("metrics.auc > 0.5", "Invalid entity type 'metrics'"),
                     ("name = 'a' OR name = 'b'", "Clauses must be joined by AND"),
                 })
        {
            // A syntax error is a SearchSyntaxException (a TrackingException that also knows the position).
            var error = await Assert.ThrowsAnyAsync<TrackingException>(() => Store.SearchExperimentsAsync(new ExperimentQuery(Filter: filter)));
            Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
            Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{filter}: {error.Message}");
        }
    }

    private async Task<List<string>> ExperimentNamesAsync(string filter) =>
        (await Store.SearchExperimentsAsync(new ExperimentQuery(Filter: filter, OrderBy: ["name"], MaxResults: 1000))).Items.Select(e => e.Name).ToList();
}
