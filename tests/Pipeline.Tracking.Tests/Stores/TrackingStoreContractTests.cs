using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>
/// The tracking store contract, run against every store (the SQL stores here, the REST store over a real server in
/// Pipeline.Server.Tests). Tests create their own uniquely named experiments so that they can share one database per class.
/// </summary>
public abstract partial class TrackingStoreContractTests : IAsyncLifetime
{
    protected const string ArtifactRoot = "/artifacts/root";

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected ITrackingStore Store { get; private set; } = null!;

    /// <summary>The store under test, using <paramref name="clock"/> and <paramref name="names"/> wherever it creates things.</summary>
    protected abstract Task<ITrackingStore> OpenStoreAsync(TimeProvider clock, IRunNameGenerator names);

    public async Task InitializeAsync() => Store = await OpenStoreAsync(Clock, new RandomRunNameGenerator(seed: 7));

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected async Task<string> NewExperimentAsync() => await Store.CreateExperimentAsync(Unique("exp"));

    protected async Task<Run> NewRunAsync(string experimentId, long startTime = 1000, string? name = null) =>
        await Store.CreateRunAsync(experimentId, "alice", startTime, [], name);

    protected static async Task<TrackingException> ThrowsTracking(ErrorCode code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<TrackingException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    [StoreFact]
    public async Task Initialize_NewDatabase_CreatesDefaultExperimentZero()
    {
        var experiment = await Store.GetExperimentAsync("0");

        Assert.Equal("Default", experiment.Name);
        Assert.Equal($"{ArtifactRoot}/0", experiment.ArtifactLocation);
        Assert.Equal(LifecycleStage.Active, experiment.LifecycleStage);
    }

    [StoreFact]
    public async Task CreateExperiment_WithoutLocation_UsesRootAndId()
    {
        var name = Unique("exp");
        var id = await Store.CreateExperimentAsync(name, tags: [new RunTag("team", "ml")]);

        var experiment = await Store.GetExperimentAsync(id);
        Assert.Equal(name, experiment.Name);
        Assert.Equal($"{ArtifactRoot}/{id}", experiment.ArtifactLocation);
        Assert.Equal("ml", experiment.Tags["team"]);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), experiment.CreationTime);
        Assert.Equal(experiment, await Store.GetExperimentByNameAsync(name), ExperimentComparer.Instance);
    }

    [StoreFact]
    public async Task CreateExperiment_WithLocation_KeepsIt()
    {
        var id = await Store.CreateExperimentAsync(Unique("exp"), "s3://bucket/place");

        Assert.Equal("s3://bucket/place", (await Store.GetExperimentAsync(id)).ArtifactLocation);
    }

    [StoreFact]
    public async Task CreateExperiment_DuplicateName_ResourceAlreadyExists()
    {
        var name = Unique("exp");
        await Store.CreateExperimentAsync(name);

        var error = await ThrowsTracking(ErrorCode.ResourceAlreadyExists, () => Store.CreateExperimentAsync(name));
        Assert.Contains(name, error.Message);
    }

    [StoreFact]
    public async Task CreateExperiment_EmptyName_InvalidParameterValue() =>
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.CreateExperimentAsync(""));

    [StoreFact]
    public async Task GetExperiment_Unknown_ResourceDoesNotExist()
    {
        var error = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.GetExperimentAsync("987654"));
        Assert.Equal("No Experiment with id=987654 exists", error.Message);
        Assert.Null(await Store.GetExperimentByNameAsync(Unique("missing")));
    }

    [StoreFact]
    public async Task DeleteExperiment_DeletesItsRuns_RestoreBringsBothBack()
    {
        var id = await NewExperimentAsync();
        var run = await NewRunAsync(id);

        await Store.DeleteExperimentAsync(id);
        Assert.Equal(LifecycleStage.Deleted, (await Store.GetExperimentAsync(id)).LifecycleStage);
        Assert.Equal(LifecycleStage.Deleted, (await Store.GetRunAsync(run.Info.RunId)).Info.LifecycleStage);
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.CreateRunAsync(id, "bob", 1, [], null));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.DeleteExperimentAsync(id));

        await Store.RestoreExperimentAsync(id);
        Assert.Equal(LifecycleStage.Active, (await Store.GetExperimentAsync(id)).LifecycleStage);
        Assert.Equal(LifecycleStage.Active, (await Store.GetRunAsync(run.Info.RunId)).Info.LifecycleStage);
    }

    [StoreFact]
    public async Task RenameExperiment_ToTakenName_ResourceAlreadyExists()
    {
        var taken = Unique("exp");
        await Store.CreateExperimentAsync(taken);
        var id = await NewExperimentAsync();

        await ThrowsTracking(ErrorCode.ResourceAlreadyExists, () => Store.RenameExperimentAsync(id, taken));
        var fresh = Unique("renamed");
        await Store.RenameExperimentAsync(id, fresh);
        Assert.Equal(fresh, (await Store.GetExperimentAsync(id)).Name);
    }

    [StoreFact]
    public async Task SetExperimentTag_SameKeyAgain_Overwrites()
    {
        var id = await NewExperimentAsync();

        await Store.SetExperimentTagAsync(id, new RunTag("k", "1"));
        await Store.SetExperimentTagAsync(id, new RunTag("k", "2"));

        Assert.Equal("2", (await Store.GetExperimentAsync(id)).Tags["k"]);
    }

    [StoreFact]
    public async Task DeleteExperimentTag_RemovesIt_MissingTagDoesNotExist()
    {
        var id = await NewExperimentAsync();
        await Store.SetExperimentTagAsync(id, new RunTag("k", "1"));

        await Store.DeleteExperimentTagAsync(id, "k");

        Assert.False((await Store.GetExperimentAsync(id)).Tags.ContainsKey("k"));
        var error = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.DeleteExperimentTagAsync(id, "k"));
        Assert.Equal($"No tag with name: k in experiment with id {id}", error.Message);
    }

    [StoreFact]
    public async Task SearchExperiments_OrderByNamePaged_ReturnsEveryExperimentOnce()
    {
        var prefix = Unique("page");
        foreach (var suffix in new[] { "c", "a", "b" })
        {
            await Store.CreateExperimentAsync($"{prefix}-{suffix}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.SearchExperimentsAsync(new ExperimentQuery(MaxResults: 2, OrderBy: ["name DESC"], PageToken: token));
            seen.AddRange(page.Items.Select(e => e.Name));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal([$"{prefix}-c", $"{prefix}-b", $"{prefix}-a"], seen.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    private sealed class ExperimentComparer : IEqualityComparer<Experiment?>
    {
        public static readonly ExperimentComparer Instance = new();

        public bool Equals(Experiment? x, Experiment? y) =>
            x is not null && y is not null && x.ExperimentId == y.ExperimentId && x.Name == y.Name && x.Tags.Count == y.Tags.Count;

        public int GetHashCode(Experiment? obj) => obj?.ExperimentId.GetHashCode() ?? 0;
    }
}
