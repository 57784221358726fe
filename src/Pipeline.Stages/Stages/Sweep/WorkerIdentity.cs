using Pipeline.Tracking.Runs.Liveness;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// Names this process as the shared liveness contract does (<see cref="RunOwner"/>): <c>host/pid/processStartUnixMs</c>, so a
/// reused pid on the same host is never mistaken for a worker that died. The trial queue records it as the trial's worker.
/// </summary>
internal static class WorkerIdentity
{
    public static string OfCurrentProcess() => RunOwner.Current().ToString();
}
