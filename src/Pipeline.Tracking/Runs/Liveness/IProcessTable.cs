namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>Answers whether a process of this host is still running (injected so tests need no real processes).</summary>
public interface IProcessTable
{
    /// <summary>True when process <paramref name="processId"/> runs on this host and started at <paramref name="startUnixMs"/>.</summary>
    bool IsRunning(int processId, long startUnixMs);
}
