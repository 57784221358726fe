using System.Diagnostics;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>The operating system's process table.</summary>
public sealed class SystemProcessTable : IProcessTable
{
    // Start times are read from the system clock at a coarse resolution (Linux: clock ticks since boot), so two reads of
    // the same process may differ by a few milliseconds; a reused pid starts far later than that.
    private const long StartToleranceMs = 1_000;

    /// <inheritdoc/>
    public bool IsRunning(int processId, long startUnixMs)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && Math.Abs(RunOwner.StartOf(process) - startUnixMs) <= StartToleranceMs;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited while we looked
        }
    }
}
