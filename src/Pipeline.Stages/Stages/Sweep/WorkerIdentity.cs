using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// Names this process as the shared liveness contract does: <c>host/pid/processStartUnixMs</c>, so a reused pid on the same
/// host is never mistaken for a worker that died.
/// </summary>
internal static class WorkerIdentity
{
    public static string OfCurrentProcess()
    {
        using var process = Process.GetCurrentProcess();
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{started}");
    }
}
