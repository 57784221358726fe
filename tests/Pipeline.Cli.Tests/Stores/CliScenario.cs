using Pipeline.Ml.Models;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Tests.Stores;

/// <summary>
/// TEST HELPER: what a pipeline leaves in a store, in small: a sweep run tagged with its selection metric
/// (<c>pipeline.selected_by = roc_auc (maximize)</c>), two trials under it that differ in param C, a model directory
/// (with manifest.json) logged on trial A, and a registered model whose version 1 is that directory.
/// </summary>
internal sealed record CliScenario(string ExperimentName, string ExperimentId, string SweepId, string TrialA, string TrialB, string ModelName, byte[] ModelBytes)
{
    public static async Task<CliScenario> CreateAsync(CliBackend backend)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var experimentName = $"breast-cancer-{suffix}";
        var experimentId = await backend.Store.CreateExperimentAsync(experimentName);
        var start = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var sweep = await RunAsync(backend, experimentId, "sweep", start, [new RunTag("pipeline.selected_by", "roc_auc (maximize)")], [], []);
        var trialA = await RunAsync(backend, experimentId, "trial-a", start + 1000, [new RunTag(SystemTags.ParentRunId, sweep)],
            [new Param("C", "1"), new Param("solver", "lbfgs")], [new Metric("accuracy_score", 0.95, start, 0), new Metric("roc_auc", 0.99, start, 0)]);
        var trialB = await RunAsync(backend, experimentId, "trial-b", start + 2000, [new RunTag(SystemTags.ParentRunId, sweep)],
            [new Param("C", "3"), new Param("solver", "lbfgs")], [new Metric("accuracy_score", 0.97, start, 0), new Metric("roc_auc", 0.98, start, 0)]);

        var modelBytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        var local = Path.Combine(backend.Folder, "model-" + suffix);
        Directory.CreateDirectory(local);
        await File.WriteAllTextAsync(Path.Combine(local, "MLmodel"), "artifact_path: model\nflavors:\n  mlnet:\n    model_file: model.zip\n");
        await File.WriteAllBytesAsync(Path.Combine(local, "model.zip"), modelBytes);
        await File.WriteAllTextAsync(Path.Combine(local, ModelManifest.FileName), ModelManifest.Compute(local).ToJson());
        var artifactUri = (await backend.Store.GetRunAsync(trialA)).Info.ArtifactUri;
        await backend.Artifacts.Open(artifactUri).LogDirectoryAsync(local, "model");

        var modelName = $"bc-classifier-{suffix}";
        await backend.Registry.CreateRegisteredModelAsync(modelName);
        await backend.Registry.CreateModelVersionAsync(modelName, artifactUri.TrimEnd('/') + "/model", trialA);
        return new CliScenario(experimentName, experimentId, sweep, trialA, trialB, modelName, modelBytes);
    }

    private static async Task<string> RunAsync(CliBackend backend, string experimentId, string name, long start, List<RunTag> tags, List<Param> parameters, List<Metric> metrics)
    {
        var run = await backend.Store.CreateRunAsync(experimentId, "alice", start, tags, name);
        await backend.Store.LogBatchAsync(run.Info.RunId, metrics, parameters, []);
        await backend.Store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Finished, start + 5000, null);
        return run.Info.RunId;
    }
}
