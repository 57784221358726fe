using System.Diagnostics;
using System.Runtime;

// The runtime looks for a type named StartupHook in the global namespace of every assembly DOTNET_STARTUP_HOOKS names,
// and calls its static Initialize() before the program's Main. Nothing here runs unless a bench asks for it.
#pragma warning disable CA1050 // the runtime requires the global namespace

/// <summary>
/// Appends one line per process to the file <see cref="Pipeline.Bench.RuntimeStats.RuntimeStatsLine.FileVariable"/>
/// names, when the process exits: what the runtime itself spent (methods JIT-compiled and the time it took, garbage
/// collections and their pauses, bytes allocated) beside the process's CPU time. Processes the measured one starts
/// (the scoring server DockerServe starts) inherit the variables and report too.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var file = Environment.GetEnvironmentVariable(Pipeline.Bench.RuntimeStats.RuntimeStatsLine.FileVariable);
        if (string.IsNullOrEmpty(file))
            return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Append(file);
    }

    private static void Append(string file)
    {
        // Read everything first, so the figures do not include what writing them costs.
        var line = new Pipeline.Bench.RuntimeStats.RuntimeStatsLine(
            ProgramName(),
            Environment.ProcessId,
            JitInfo.GetCompiledMethodCount(),
            JitInfo.GetCompilationTime(),
            Process.GetCurrentProcess().TotalProcessorTime,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            GC.GetTotalPauseDuration(),
            GC.GetTotalAllocatedBytes());
        // One short line per process with O_APPEND: lines from processes exiting together do not interleave.
        File.AppendAllText(file, line.Format() + "\n");
    }

    // A framework-dependent program started through the dotnet host (the laid-out scoring server) is named by its assembly.
    private static string ProgramName()
    {
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "?");
        return host == "dotnet" ? Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs()[0]) : host;
    }
}
