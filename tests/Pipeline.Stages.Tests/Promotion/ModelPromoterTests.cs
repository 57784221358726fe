using Pipeline.Stages.Promotion;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Promotion;

/// <summary>ModelPromoter over a real SQLite store: versions whose sweep runs have recorded evaluations.</summary>
public sealed class ModelPromoterTests : IAsyncLifetime
{
    private const string Model = "m";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"promote-{Guid.NewGuid():N}");
    private readonly RecordingReporter _reporter = new();
    private ITrackingStore _store = null!;
    private Pipeline.Tracking.Composition.TrackingBackend _backend = null!;
    private IModelRegistry Registry => _backend.Registry;
    private string _experiment = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _backend = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open($"sqlite:///{Path.Combine(_root, "mlruns.db")}", new Uri(Path.Combine(_root, "a")).AbsoluteUri);
        _store = _backend.Store;
        _experiment = await _store.CreateExperimentAsync("e");
        await Registry.CreateRegisteredModelAsync(Model);
    }

    public async Task DisposeAsync()
    {
        await _backend.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A version whose sweep run has a finished evaluation run with this roc_auc.</summary>
    private async Task<long> VersionAsync(double rocAuc, string? alias)
    {
        var sweep = await _store.CreateRunAsync(_experiment, "t", 0, [], "sweep");
        var evaluation = await _store.CreateRunAsync(_experiment, "t", 1, [
            new RunTag(PipelineTags.Role, PipelineTags.RoleEvaluation), new RunTag(PipelineTags.EvaluatedRunId, sweep.Info.RunId)], "evaluation");
        await _store.LogBatchAsync(evaluation.Info.RunId, [new Metric("roc_auc", rocAuc, 1, 0)], [], []);
        await _store.UpdateRunInfoAsync(evaluation.Info.RunId, RunStatus.Finished, 2, null);
        var version = await Registry.CreateModelVersionAsync(Model, $"runs:/{sweep.Info.RunId}/model", sweep.Info.RunId);
        if (alias is not null)
            await Registry.SetRegisteredModelAliasAsync(Model, alias, version.Version);
        return version.Version;
    }

    private Task<PromotionOutcome> PromoteAsync(params MetricThreshold[] thresholds) =>
        new ModelPromoter(_store, Registry, _reporter, TimeProvider.System, _ => null)
            .PromoteAsync(new PromotionRequest(Model, "challenger", "champion", thresholds, "alice"), CancellationToken.None);

    [Fact]
    public async Task Promote_CandidateBeatsTheChampionByTheMargin_MovesTheAliasAndRecordsWhoAndWhy()
    {
        var old = await VersionAsync(0.990, "champion");
        var candidate = await VersionAsync(0.995, "challenger");

        var outcome = await PromoteAsync(new MetricThreshold("roc_auc", MinAbsoluteChange: 0.002));

        Assert.True(outcome.Promoted);
        Assert.Equal(candidate, (await Registry.GetModelVersionByAliasAsync(Model, "champion")).Version);
        var tags = (await Registry.GetModelVersionAsync(Model, candidate)).Tags;
        Assert.Equal("alice", tags[ModelPromoter.PromotedByTag]);
        Assert.Contains($"replacing version {old}", tags[ModelPromoter.PromotionTag], StringComparison.Ordinal);
        Assert.Contains("roc_auc 0.995 vs 0.99: better", tags[ModelPromoter.PromotionTag], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_CandidateWithinTheMargin_LeavesTheAliasAndSaysWhy()
    {
        var old = await VersionAsync(0.990, "champion");
        var candidate = await VersionAsync(0.991, "challenger");

        var outcome = await PromoteAsync(new MetricThreshold("roc_auc", MinAbsoluteChange: 0.002));

        Assert.False(outcome.Promoted);
        Assert.Contains("min_absolute_change", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(old, (await Registry.GetModelVersionByAliasAsync(Model, "champion")).Version);
        Assert.False((await Registry.GetModelVersionAsync(Model, candidate)).Tags.ContainsKey(ModelPromoter.PromotionTag));
    }

    [Fact]
    public async Task Promote_NoChampionYet_PromotesAndSaysItIsTheFirst()
    {
        var candidate = await VersionAsync(0.95, "challenger");

        var outcome = await PromoteAsync(new MetricThreshold("roc_auc"));

        Assert.True(outcome.Promoted);
        Assert.Contains("is the first", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(candidate, (await Registry.GetModelVersionByAliasAsync(Model, "champion")).Version);
    }

    [Fact]
    public async Task Promote_MetricNotRecorded_FailsNamingIt()
    {
        await VersionAsync(0.99, "champion");
        await VersionAsync(0.995, "challenger");

        var error = await Assert.ThrowsAsync<PipelineException>(() => PromoteAsync(new MetricThreshold("f1_score")));

        Assert.Contains("no metric 'f1_score'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_NoCandidateAlias_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<PipelineException>(() => PromoteAsync(new MetricThreshold("roc_auc")));

        Assert.Contains("'challenger'", error.Message, StringComparison.Ordinal);
    }
}
