using System.Globalization;

namespace Pipeline.Bench.RuntimeStats;

/// <summary>What one process's runtime spent, as the startup hook writes it and the benches read it back.</summary>
/// <param name="Process">The program's name (<c>pipeline</c>, <c>Pipeline.Serving</c>).</param>
/// <param name="ProcessId">Its process id.</param>
/// <param name="JitMethods">Methods JIT-compiled (every tier; ReadyToRun code is not counted).</param>
/// <param name="JitTime">Time spent in the JIT, all threads.</param>
/// <param name="Cpu">The process's CPU time (user + system).</param>
/// <param name="Gen0">Generation-0 collections (each higher generation's count includes its own only).</param>
/// <param name="Gen1">Generation-1 collections.</param>
/// <param name="Gen2">Generation-2 collections.</param>
/// <param name="GcPause">Time the program's threads were paused for collections.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap.</param>
public sealed record RuntimeStatsLine(
    string Process, int ProcessId, long JitMethods, TimeSpan JitTime, TimeSpan Cpu,
    int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long AllocatedBytes)
{
    /// <summary>The environment variable naming the file the hook appends to.</summary>
    public const string FileVariable = "PIPELINE_BENCH_RUNTIME_STATS";

    /// <summary>One tab-separated line, milliseconds for times.</summary>
    public string Format() => string.Join('\t',
        Process, Text(ProcessId), Text(JitMethods), Text(JitTime.TotalMilliseconds), Text(Cpu.TotalMilliseconds),
        Text(Gen0), Text(Gen1), Text(Gen2), Text(GcPause.TotalMilliseconds), Text(AllocatedBytes));

    /// <summary>Reads a line written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">The line has not the ten fields <see cref="Format"/> writes.</exception>
    public static RuntimeStatsLine Parse(string line)
    {
        var f = line.Split('\t');
        if (f.Length != 10)
            throw new FormatException($"expected 10 tab-separated fields, got {f.Length}: '{line}'");
        return new RuntimeStatsLine(
            f[0], int.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(f[3], CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(double.Parse(f[4], CultureInfo.InvariantCulture)),
            int.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture), int.Parse(f[7], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(f[8], CultureInfo.InvariantCulture)), long.Parse(f[9], CultureInfo.InvariantCulture));
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
