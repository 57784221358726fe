using Pipeline.Stages.Reproduction;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Reproduction;

/// <summary>
/// <c>pipeline reproduce</c> end to end in a temporary git repository: a pipeline is committed and run, then its code
/// and data change; the old run still reproduces from its commit, and a changed data file fails by digest.
/// </summary>
public sealed class RunReproducerTests
{
    [Fact]
    public async Task OldEvaluationRun_AfterCodeAndDataChanged_ReproducesFromItsCommit_AndChangedDataFailsByDigest()
    {
        // Given a pipeline committed and run through Evaluate
        using var repo = new GitPipelineRepository();
        var evaluation = await repo.RunThroughAsync(StageName.Evaluate);
        var runId = evaluation.Outputs["evaluation_run_id"];
        // When the code (the search space) and the data change and are committed
        repo.WritePipeline("[0.01, 3.0]");
        File.WriteAllText(repo.DataPath, File.ReadAllText(repo.DataPath).Replace("17.99,10.38", "18.99,10.38"));
        repo.Commit("another grid; a corrected row");

        // Then the old run reproduces from its own commit (whose pipeline file and data it checks out)
        var reproducer = new RunReproducer(repo.Reporter, TimeProvider.System, repo.Environment);
        var report = await reproducer.ReproduceAsync(new ReproduceOptions(runId, repo.TrackingUri));
        Assert.True(report.Verdict == ReproductionVerdict.Reproduced, RunReproducer.ToMarkdown(report));
        Assert.Empty(report.Differences);
        Assert.True(report.Compared > 10, $"only {report.Compared} values compared");

        // And the reproduction is a run in the same store, tagged for auditors
        await using var backend = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(repo.TrackingUri, "file:///unused");
        var store = backend.Store;
        var recorded = await store.GetRunAsync(report.ReproductionRunId!);
        Assert.Equal(runId, recorded.Data.Tag(RunReproducer.ReproducesTag));
        Assert.Equal("reproduced", recorded.Data.Tag(RunReproducer.VerdictTag));

        // And the changed data file is refused, naming both digests
        var recordedDigest = (await store.GetRunAsync(runId)).Data.Tag(SystemTags.ParentRunId) is { } pipelineRunId
            ? (await store.GetRunAsync(pipelineRunId)).Data.Param("data.digest") : null;
        var error = await Assert.ThrowsAsync<PipelineException>(() => reproducer.ReproduceAsync(new ReproduceOptions(runId, repo.TrackingUri, DataPath: repo.DataPath)));
        Assert.Contains("dataset digest mismatch", error.Message);
        Assert.Contains(recordedDigest!, error.Message);
        var changedDigest = PreparedDataset.Load(new Pipeline.Stages.Spec.DataSpec(repo.DataPath, "target", Pipeline.Ml.Data.TaskKind.Binary, 0.2, true, 42)).Digest;
        Assert.NotEqual(recordedDigest, changedDigest);
        Assert.Contains(changedDigest, error.Message);
    }

    [Fact]
    public async Task TrialRunOfADirtyTree_AppliesTheRecordedDiff_AndAChangedMetricIsNotReproduced()
    {
        // Given a trial run made from uncommitted changes (a one-value grid), and a later commit of something else
        using var repo = new GitPipelineRepository();
        repo.WritePipeline("[0.5]");
        await repo.RunThroughAsync(StageName.Sweep);
        await using var backend = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(repo.TrackingUri, "file:///unused");
        var store = backend.Store;
        var trial = (await store.SearchRunsAsync(new RunQuery([(await store.GetExperimentByNameAsync("small"))!.ExperimentId],
            $"tags.`{PipelineTags.Role}` = '{PipelineTags.RoleTrial}'"))).Items.Single();
        Assert.Equal("true", trial.Data.Tag("mlflow.source.git.dirty"));
        repo.WritePipeline("[2.0, 3.0]");
        repo.Commit("another grid");
        var reproducer = new RunReproducer(repo.Reporter, TimeProvider.System, repo.Environment);

        // When it is reproduced, the diff is applied on its commit, so the same single configuration trains again
        var report = await reproducer.ReproduceAsync(new ReproduceOptions(trial.Info.RunId, repo.TrackingUri, RepositoryPath: repo.Root));
        Assert.True(report.Verdict == ReproductionVerdict.Reproduced, RunReproducer.ToMarkdown(report));
        Assert.Contains(report.Excluded, e => e.StartsWith("metric fit_time_seconds", StringComparison.Ordinal));
        Assert.Contains("Applied the recorded uncommitted changes", repo.Reporter.Text);

        // And once the original's roc_auc reads differently, the reproduction says which value differs
        var auc = trial.Data.Metric("roc_auc")!.Value;
        // (a later step than the trial's last fold, so that it is the value the run reads as latest)
        await store.LogBatchAsync(trial.Info.RunId, [new Metric("roc_auc", auc - 0.01, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1000)], [], []);
        var changed = await reproducer.ReproduceAsync(new ReproduceOptions(trial.Info.RunId, repo.TrackingUri, RepositoryPath: repo.Root));
        Assert.Equal(ReproductionVerdict.NotReproduced, changed.Verdict);
        var difference = Assert.Single(changed.Differences);
        Assert.Equal(("metric", "roc_auc"), (difference.Kind, difference.Key));
        Assert.Contains("| metric | roc_auc |", RunReproducer.ToMarkdown(changed));
        // A tolerance that covers the change accepts it
        var tolerated = await reproducer.ReproduceAsync(new ReproduceOptions(trial.Info.RunId, repo.TrackingUri, RepositoryPath: repo.Root, Tolerance: 0.02));
        Assert.Equal(ReproductionVerdict.Reproduced, tolerated.Verdict);
    }
}
