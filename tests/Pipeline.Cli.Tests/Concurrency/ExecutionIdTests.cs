using Pipeline.Cli.Tests.Stores;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Tests.Concurrency;

/// <summary>Stages run as separate jobs of one execution (<c>--execution-id</c>) share one pipeline run, however they start.</summary>
public sealed class ExecutionIdTests
{
    [Fact]
    public async Task ThreeJobsPreparingOneExecutionAtOnce_EndUpWithOnePipelineRun_WhichItsLaterJobsUse()
    {
        // Given a store with the experiment
        await using var backend = await CliBackend.StartAsync("sqlite");
        PipelineFolder.Write(backend.Folder);
        var init = await backend.RunAsync("run", "init-store", "--pipeline", "pipeline.yaml");
        Assert.True(init.ExitCode == 0, init.Error);

        // When three jobs of execution ci-7 run PrepareData at once (forced, so none skips)
        var jobs = Enumerable.Range(0, 3).Select(_ => PipelineFolder.Start(backend.Folder, PipelineFolder.Environment("ci-7"),
            "run", "prepare-data", "--exclusive", "--force", "--pipeline", "pipeline.yaml", "--tracking-uri", backend.Uri)).ToList();
        foreach (var (process, _) in jobs)
            await process.WaitForExitAsync();

        // Then all succeed and the execution has exactly one pipeline run
        Assert.All(jobs, j => Assert.True(j.Process.ExitCode == 0, j.Output()));
        var experiment = (await backend.Store.GetExperimentByNameAsync(PipelineFolder.Experiment))!;
        var pipelineRuns = (await backend.Store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], "tags.`pipeline.role` = 'pipeline'"))).Items;
        var pipelineRun = Assert.Single(pipelineRuns);
        Assert.Equal("ci-7", pipelineRun.Data.Tag("pipeline.execution_id"));
        Assert.Equal(RunStatus.Finished, pipelineRun.Info.Status);

        // When a later job of the same execution (named by --execution-id this time) runs Sweep alone
        var sweep = await backend.RunAsync("run", "sweep", "--exclusive", "--pipeline", "pipeline.yaml", "--execution-id", "ci-7");
        Assert.True(sweep.ExitCode == 0, sweep.Output + sweep.Error);

        // Then its sweep is under the execution's pipeline run
        var sweeps = (await backend.Store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], "tags.`pipeline.role` = 'sweep'"))).Items;
        Assert.Equal(pipelineRun.Info.RunId, Assert.Single(sweeps).Data.Tag(SystemTags.ParentRunId));

        // And an execution that never prepared its data is an error naming the stage and the option, not someone else's run
        var unknown = await backend.RunAsync("run", "select", "--exclusive", "--pipeline", "pipeline.yaml", "--execution-id", "ci-8");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Execution 'ci-8' has no pipeline run for pipeline.yaml", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("PrepareData stage with the same --execution-id", unknown.Error, StringComparison.Ordinal);

        // And an invalid id is refused before anything runs
        var invalid = await backend.RunAsync("run", "sweep", "--exclusive", "--pipeline", "pipeline.yaml", "--execution-id", "no spaces please");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("execution id 'no spaces please' is not valid", invalid.Error, StringComparison.Ordinal);
    }
}
