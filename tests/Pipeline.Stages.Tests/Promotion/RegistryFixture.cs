using Pipeline.Stages.Stages;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Promotion;

/// <summary>A real SQLite store with one registered model whose versions' sweep runs have recorded evaluations.</summary>
internal sealed class RegistryFixture : IAsyncDisposable
{
    public const string Model = "m";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}");
    private TrackingBackend _backend = null!;
    private string _experiment = "";

    public ITrackingStore Store => _backend.Store;

    public IModelRegistry Registry => _backend.Registry;

    public static async Task<RegistryFixture> CreateAsync()
    {
        var fixture = new RegistryFixture();
        Directory.CreateDirectory(fixture._root);
        fixture._backend = TrackingComposition.ForProcess().Open(
            $"sqlite:///{Path.Combine(fixture._root, "mlruns.db")}", new Uri(Path.Combine(fixture._root, "a")).AbsoluteUri);
        fixture._experiment = await fixture.Store.CreateExperimentAsync("e");
        await fixture.Registry.CreateRegisteredModelAsync(Model);
        return fixture;
    }

    /// <summary>A version whose sweep run has a finished evaluation run with this roc_auc, optionally holding <paramref name="alias"/>.</summary>
    public async Task<long> VersionAsync(double rocAuc, string? alias)
    {
        var sweep = await Store.CreateRunAsync(_experiment, "t", 0, [], "sweep");
        var evaluation = await Store.CreateRunAsync(_experiment, "t", 1, [
            new RunTag(PipelineTags.Role, PipelineTags.RoleEvaluation), new RunTag(PipelineTags.EvaluatedRunId, sweep.Info.RunId)], "evaluation");
        await Store.LogBatchAsync(evaluation.Info.RunId, [new Metric("roc_auc", rocAuc, 1, 0)], [], []);
        await Store.UpdateRunInfoAsync(evaluation.Info.RunId, RunStatus.Finished, 2, null);
        var version = await Registry.CreateModelVersionAsync(Model, $"runs:/{sweep.Info.RunId}/model", sweep.Info.RunId);
        if (alias is not null)
            await Registry.SetRegisteredModelAliasAsync(Model, alias, version.Version);
        return version.Version;
    }

    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
