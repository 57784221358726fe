using Pipeline.Tracking.Runs.Liveness;

namespace Pipeline.Tracking.Tests.Runs.Liveness;

/// <summary>TEST HELPER: the processes "running on this host", as (pid, start) pairs.</summary>
internal sealed class FakeProcessTable : IProcessTable
{
    public HashSet<(int Pid, long Start)> Running { get; } = [];

    public bool IsRunning(int processId, long startUnixMs) => Running.Contains((processId, startUnixMs));
}
