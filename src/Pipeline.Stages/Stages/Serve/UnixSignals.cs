using System.Runtime.InteropServices;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// Sends SIGTERM, which .NET has no API for (<see cref="System.Diagnostics.Process.Kill()"/> is SIGKILL). Local serving
/// starts the server through <c>/bin/sh</c>, so it only runs where libc's <c>kill</c> exists.
/// </summary>
internal static class UnixSignals
{
    // 15 on Linux and macOS alike.
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop; false when the signal could not be sent (no such process, not ours, no libc).</summary>
    public static bool Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            return Kill(pid, SigTerm) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
