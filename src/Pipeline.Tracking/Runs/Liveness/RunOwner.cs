using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>
/// The process that owns a run, as recorded in <see cref="LivenessTags.Owner"/>: <c>host/pid/processStartUnixMs</c>. The
/// start time tells a reused pid from the owner: a process with the same pid but another start time is not it.
/// </summary>
/// <param name="Host">The machine name (<see cref="Environment.MachineName"/>).</param>
/// <param name="ProcessId">The owner's process id on <paramref name="Host"/>.</param>
/// <param name="ProcessStartUnixMs">When that process started, in unix milliseconds.</param>
public sealed record RunOwner(string Host, int ProcessId, long ProcessStartUnixMs)
{
    /// <summary>This process.</summary>
    public static RunOwner Current()
    {
        using var process = Process.GetCurrentProcess();
        return new RunOwner(Environment.MachineName, process.Id, StartOf(process));
    }

    /// <summary>The tag value, <c>host/pid/processStartUnixMs</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}/{ProcessId}/{ProcessStartUnixMs}");

    /// <summary>Reads a tag value; null when it is not <c>host/pid/processStartUnixMs</c> (a host name may hold slashes).</summary>
    public static RunOwner? TryParse(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var parts = value.Split('/');
        if (parts.Length < 3
            || !int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            return null;
        return new RunOwner(string.Join('/', parts[..^2]), pid, start);
    }

    /// <summary>A process's start time in unix milliseconds.</summary>
    internal static long StartOf(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
}
