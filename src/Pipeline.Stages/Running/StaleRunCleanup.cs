using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs.Liveness;

namespace Pipeline.Stages.Running;

/// <summary>
/// What every stage but InitStore does first: ends the experiment's runs whose owner died (kill -9, a lost machine) as
/// FAILED with <c>pipeline.failure_reason</c> (<see cref="DeadRunReaper"/>), so nothing stays RUNNING forever.
/// </summary>
internal sealed class StaleRunCleanup(StageContext context)
{
    public async Task RunAsync(StageName stage, CancellationToken ct)
    {
        var experiment = await context.Store.GetExperimentByNameAsync(context.Spec.Experiment, ct);
        if (experiment is null || experiment.LifecycleStage != LifecycleStage.Active)
            return;
        var dead = await DeadRunReaper.For(context.Store, context.Liveness, context.Time).ReapAsync([experiment.ExperimentId], ct: ct);
        foreach (var run in dead.Where(d => d.Ended))
            context.Reporter.Warning($"{stage}: ended run {run.Run.Info.RunId} ({run.Run.Info.RunName}) as FAILED: {run.Reason}.");
    }
}
