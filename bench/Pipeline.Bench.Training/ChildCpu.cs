using System.Runtime.InteropServices;

namespace Pipeline.Bench.Training;

/// <summary>
/// CPU time (user + system) of the child processes this process has waited for, from getrusage(RUSAGE_CHILDREN).
/// On a shared machine wall time swings with the load; CPU time mostly does not, so both are reported.
/// </summary>
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>Total CPU time of reaped children so far; zero where getrusage is unavailable.</summary>
    public static TimeSpan Total()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return TimeSpan.Zero;
        if (GetResourceUsage(RusageChildren, out var usage) != 0) return TimeSpan.Zero;
        return ToTimeSpan(usage.UserSeconds, usage.UserMicroseconds) + ToTimeSpan(usage.SystemSeconds, usage.SystemMicroseconds);
    }

    private static TimeSpan ToTimeSpan(long seconds, long microseconds) =>
        TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond + microseconds * TimeSpan.TicksPerMicrosecond);

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    // struct rusage on 64-bit Linux: two timevals, then 14 longs this bench does not read.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentKb;
        private unsafe fixed long _rest[13];
    }
}
