using Pipeline.Server.Artifacts;
using Pipeline.Server.Hosting;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>
/// A real server over a temporary SQLite store holding a small sweep logged through the store API: a parent run with
/// four trials (params C and kernel, metrics roc_auc with a three-step history and accuracy), one top-level run whose
/// values are markup, a PNG artifact on the parent, and a registered model whose version comes from a trial.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>A valid 1x1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public const string Markup = "<script>alert('x')</script>&";

    private readonly TempDirectory _dir = new();

    public TrackingServerHost Host { get; private set; } = null!;

    /// <summary>The options the server runs with (where its artifacts live).</summary>
    public TrackingServerOptions Options { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ITrackingStore Store { get; private set; } = null!;

    public string ExperimentId { get; private set; } = "";

    public string ParentRunId { get; private set; } = "";

    public List<string> TrialRunIds { get; } = [];

    public string MarkupRunId { get; private set; } = "";

    private TrackingBackend _backend = null!;

    public async Task InitializeAsync()
    {
        var options = new TrackingServerOptions
        {
            BackendStoreUri = $"sqlite:///{_dir.File("mlruns.db")}",
            ArtifactsDestination = _dir.File("mlartifacts"),
            Port = 0,
            LogRequests = false,
        };
        Options = options;
        _backend = TrackingComposition.ForProcess().Open(options.BackendStoreUri, options.EffectiveDefaultArtifactRoot);
        Store = _backend.Store;
        await ((ISchemaManagedStore)Store).MigrateAsync();
        Host = await TrackingServerHost.StartAsync(options, Store, _backend.Registry);
        Http = new HttpClient { BaseAddress = Host.BaseUri };

        ExperimentId = await Store.CreateExperimentAsync("breast-cancer <sweep>");
        var start = 1_700_000_000_000L;
        var parent = await Store.CreateRunAsync(ExperimentId, "ci", start, [new RunTag("pipeline.role", "sweep")], "sweep");
        ParentRunId = parent.Info.RunId;
        await Store.LogBatchAsync(ParentRunId, [new Metric("roc_auc", 0.97, start, 0)], [], [new RunTag("pipeline.selected_by", "roc_auc (maximize)")]);
        double[] c = [0.01, 0.1, 1, 10];
        double[] auc = [0.91, 0.97, 0.95, 0.88];
        for (var i = 0; i < c.Length; i++)
        {
            var trial = await Store.CreateRunAsync(ExperimentId, "ci", start + 1000 + i,
                [new RunTag(SystemTags.ParentRunId, ParentRunId), new RunTag("pipeline.role", "trial")], $"trial-{i}");
            TrialRunIds.Add(trial.Info.RunId);
            var history = Enumerable.Range(0, 3).Select(step => new Metric("roc_auc", auc[i] - (0.05 * (2 - step)), start + step, step));
            await Store.LogBatchAsync(trial.Info.RunId, [.. history, new Metric("accuracy", 0.8 + (i * 0.03), start, 0)],
                [new Param("C", c[i].ToString(System.Globalization.CultureInfo.InvariantCulture)), new Param("kernel", i % 2 == 0 ? "linear" : "rbf")], []);
        }

        var markup = await Store.CreateRunAsync(ExperimentId, "ci", start - 5000, [new RunTag("note", Markup)], "odd <b>run</b>");
        MarkupRunId = markup.Info.RunId;
        await Store.LogBatchAsync(MarkupRunId, [new Metric("roc_auc", 0.5, start, 0)], [new Param("C", Markup)], []);

        var (repository, prefix) = new ServerArtifacts(options, new ArtifactRepositoryRegistry()).Resolve(parent.Info.ArtifactUri);
        await repository.WriteAsync(prefix.Length == 0 ? "plots/roc.png" : $"{prefix}/plots/roc.png", new MemoryStream(Png));

        var registry = _backend.Registry;
        await registry.CreateRegisteredModelAsync("cancer-classifier", description: "best of the <sweep>");
        await registry.CreateModelVersionAsync("cancer-classifier", $"runs:/{TrialRunIds[1]}/model", TrialRunIds[1],
            tags: [new RegistryTag("pipeline.evaluation_run_id", MarkupRunId), new RegistryTag("note", "0123456789abcdef0123456789abcdef")]);
        await registry.SetRegisteredModelAliasAsync("cancer-classifier", "champion", 1);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await _backend.DisposeAsync();
        _dir.Dispose();
    }
}
