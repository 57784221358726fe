using System.Globalization;
using Pipeline.Docker;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>Stops the endpoint recorded on a pipeline run (container or process) and marks it stopped.</summary>
internal static class EndpointStopper
{
    /// <summary>Stops what the run's tags say is running; does nothing when nothing is.</summary>
    public static async Task StopRecordedAsync(ITrackingStore store, string pipelineRunId, IStageReporter reporter, CancellationToken ct)
    {
        var run = await store.GetRunAsync(pipelineRunId, ct);
        if (run.Data.Tag(ServingTags.State) != "running")
            return;
        if (run.Data.Tag(ServingTags.Mode) == ServingTags.ModeDocker && run.Data.Tag(ServingTags.ContainerId) is { } id)
        {
            using var engine = DockerEngine.FromEnvironment();
            var reachability = await engine.IsReachableAsync(cancellationToken: ct);
            if (!reachability.IsReachable)
            {
                reporter.Warning($"Cannot stop container {id[..Math.Min(12, id.Length)]}: {reachability.Reason}.");
                return;
            }

            using var runner = new ContainerRunner(engine);
            await runner.StopAsync(id, ct);
            reporter.Info($"Stopped container {id[..Math.Min(12, id.Length)]}");
        }
        else if (int.TryParse(run.Data.Tag(ServingTags.ProcessId), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            switch (LocalServerProcess.Stop(pid))
            {
                case LocalServerStop.Stopped:
                    reporter.Info($"Stopped server process {pid}");
                    break;
                case LocalServerStop.Killed:
                    reporter.Warning($"Server process {pid} had not stopped {LocalServerProcess.StopGrace.TotalSeconds:0} s after SIGTERM and was killed; " +
                                     "what it had not yet written (prediction log lines) is lost.");
                    break;
            }
        }

        await store.SetTagAsync(pipelineRunId, new RunTag(ServingTags.State, "stopped"), ct);
    }
}
