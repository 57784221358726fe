using System.Globalization;
using Pipeline.Server.Artifacts;
using Pipeline.Server.Hosting;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>
/// A real server, behind an auth token, over a temporary SQLite store holding the two reference pipelines as their stages
/// log them (the same run tree, names, params, metrics and tags; values made up): breast-cancer (a pipeline run with
/// <c>data.*</c> params, a sweep of 12 logistic-regression trials with 26 metrics each, the winner tagged on the sweep run,
/// an evaluation run) and wine (3 lbfgs and 4 lightgbm trials, whose params differ by trainer), with the wine model
/// registered from its sweep run and an <c>MLmodel</c> artifact holding a signature. Built once for all browser checks.
/// </summary>
public sealed class TeamDashboardFixture : IAsyncLifetime
{
    public const string Token = "team-secret";

    private static readonly string[] MetricBases =
    [
        "accuracy_score", "cv_time_seconds", "example_count", "f1_score", "false_negatives", "false_positives", "fit_time_seconds", "log_loss",
        "precision_recall_auc", "precision_score", "recall_score", "roc_auc", "true_negatives", "true_positives",
    ];

    private readonly TempDirectory _dir = new();

    public TrackingServerHost Host { get; private set; } = null!;

    public ITrackingStore Store { get; private set; } = null!;

    private Pipeline.Tracking.Composition.TrackingBackend _backend = null!;

    public string BreastCancerId { get; private set; } = "";

    public string WineId { get; private set; } = "";

    public string BreastCancerSweepRunId { get; private set; } = "";

    public string BreastCancerEvaluationRunId { get; private set; } = "";

    public string BreastCancerWinnerId { get; private set; } = "";

    public List<string> BreastCancerTrialIds { get; } = [];

    public List<string> WineTrialIds { get; } = [];

    public async Task InitializeAsync()
    {
        var options = new TrackingServerOptions
        {
            BackendStoreUri = $"sqlite:///{_dir.File("mlruns.db")}",
            ArtifactsDestination = _dir.File("mlartifacts"),
            Port = 0,
            LogRequests = false,
            AuthToken = Token,
        };
        _backend = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(options.BackendStoreUri, options.EffectiveDefaultArtifactRoot);
        Store = _backend.Store;
        await ((ISchemaManagedStore)Store).MigrateAsync();
        Host = await TrackingServerHost.StartAsync(options, Store, _backend.Registry);

        BreastCancerId = await Store.CreateExperimentAsync("breast-cancer");
        var (bcSweep, bcTrials, bcPipeline) = await LogSweepAsync(BreastCancerId, "breast-cancer", "roc_auc",
            [.. new[] { "lbfgs_logistic_regression", "sdca_logistic_regression" }.SelectMany(t => new[] { "0.01", "0.1", "0.5", "1.0", "2.0", "3.0" }.Select(c => (t, new Dictionary<string, string> { ["C"] = c, ["max_iterations"] = "1000", ["tolerance"] = "1E-07" })))],
            winnerIndex: 8);
        BreastCancerSweepRunId = bcSweep;
        BreastCancerTrialIds.AddRange(bcTrials);
        BreastCancerWinnerId = bcTrials[8];
        var evaluation = await Store.CreateRunAsync(BreastCancerId, "ci", 1_700_000_100_000,
            [new RunTag(SystemTags.ParentRunId, bcPipeline), new RunTag("pipeline.role", "evaluation"), new RunTag("pipeline.evaluated_run_id", bcSweep), new RunTag("pipeline.gates", "passed")], "evaluate");
        BreastCancerEvaluationRunId = evaluation.Info.RunId;
        await Store.LogBatchAsync(evaluation.Info.RunId, [new Metric("roc_auc", 0.998, 0, 0), new Metric("accuracy_score", 0.965, 0, 0)], [], []);

        WineId = await Store.CreateExperimentAsync("wine");
        var wineTrials = new List<(string, Dictionary<string, string>)>();
        foreach (var c in new[] { "0.1", "1.0", "10.0" })
            wineTrials.Add(("lbfgs_maximum_entropy", new() { ["C"] = c, ["max_iterations"] = "1000", ["tolerance"] = "1E-07" }));
        foreach (var (trees, leaves) in new[] { ("50", "4"), ("50", "8"), ("100", "4"), ("100", "8") })
            wineTrials.Add(("lightgbm", new() { ["number_of_trees"] = trees, ["learning_rate"] = "0.1", ["number_of_leaves"] = leaves, ["min_examples_per_leaf"] = "5" }));
        var (wineSweep, wineTrialIds, _) = await LogSweepAsync(WineId, "wine", "accuracy_score", wineTrials, winnerIndex: 5);
        WineTrialIds.AddRange(wineTrialIds);

        var sweepRun = await Store.GetRunAsync(wineSweep);
        var (repository, prefix) = new ServerArtifacts(options, new ArtifactRepositoryRegistry()).Resolve(sweepRun.Info.ArtifactUri);
        await repository.WriteAsync(prefix.Length == 0 ? "model/MLmodel" : $"{prefix}/model/MLmodel", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(MlModel)));
        var registry = _backend.Registry;
        await registry.CreateRegisteredModelAsync("wine-classifier");
        await registry.CreateModelVersionAsync("wine-classifier", $"{sweepRun.Info.ArtifactUri}/model", wineSweep);
        await registry.SetRegisteredModelAliasAsync("wine-classifier", "champion", 1);
    }

    private const string MlModel = """
        flavors:
          mlnet:
            model_file: model.zip
        signature:
          inputs: '[{"type": "double", "name": "alcohol", "required": true}, {"type": "double",
            "name": "malic_acid", "required": true}]'
          outputs: '[{"type": "long", "name": "PredictedLabel", "required": true}]'
          params: null
        """;

    // The run tree the stages leave: pipeline run > sweep run > trials, names and keys as they log them.
    private async Task<(string Sweep, List<string> Trials, string Pipeline)> LogSweepAsync(
        string experimentId, string experiment, string selectBy, List<(string Trainer, Dictionary<string, string> Params)> trials, int winnerIndex)
    {
        var start = 1_700_000_000_000L;
        var pipeline = await Store.CreateRunAsync(experimentId, "ci", start, [new RunTag("pipeline.role", "pipeline")], $"{experiment} 2023-11-14 22:13 a3b48cf");
        await Store.LogBatchAsync(pipeline.Info.RunId, [new Metric("data.rows", 569, start, 0), new Metric("data.train_rows", 455, start, 0)],
            [new Param("data.path", $"/work/data/{experiment}.csv"), new Param("data.label", "target"), new Param("data.seed", "42"), new Param("data.digest", "ff2572ec"), new Param("data.stratify", "true")], []);
        var sweep = await Store.CreateRunAsync(experimentId, "ci", start + 10, [new RunTag(SystemTags.ParentRunId, pipeline.Info.RunId), new RunTag("pipeline.role", "sweep")], $"grid sweep, {trials.Count} trials");
        var ids = new List<string>();
        for (var i = 0; i < trials.Count; i++)
        {
            var (trainer, parameters) = trials[i];
            var run = await Store.CreateRunAsync(experimentId, "ci", start + 100 + i,
                [new RunTag(SystemTags.ParentRunId, sweep.Info.RunId), new RunTag("pipeline.role", "trial"), new RunTag("pipeline.trial_index", i.ToString(CultureInfo.InvariantCulture))],
                $"{trainer}-{i + 1:00}");
            ids.Add(run.Info.RunId);
            var score = i == winnerIndex ? 0.995 : 0.95 + (0.003 * (i % 10));
            var metrics = MetricBases.SelectMany(m => new[] { new Metric(m, m == selectBy ? score : 0.9 + (0.001 * i), 0, 0), new Metric($"{m}_std", 0.01 + (0.001 * i), 0, 0) });
            await Store.LogBatchAsync(run.Info.RunId, [.. metrics], [new Param("trainer", trainer), .. parameters.Select(p => new Param(p.Key, p.Value))], []);
        }

        await Store.LogBatchAsync(sweep.Info.RunId, [new Metric("trials_finished", trials.Count, 0, 0)],
            [new Param("sweep.strategy", "grid"), new Param("sweep.trials", trials.Count.ToString(CultureInfo.InvariantCulture))],
            [new RunTag("pipeline.best_run_id", ids[winnerIndex]), new RunTag("pipeline.selected_by", $"{selectBy} (maximize)")]);
        return (sweep.Info.RunId, ids, pipeline.Info.RunId);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
