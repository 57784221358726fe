using System.Diagnostics;
using Pipeline.Bench.RuntimeStats;

namespace Pipeline.Bench.Training;

/// <summary>One run of the CLI: its wall and CPU time and, when asked for, what each process's runtime spent.</summary>
internal sealed record CliRun(TimeSpan Wall, TimeSpan Cpu, IReadOnlyList<RuntimeStatsLine> Runtime);

/// <summary>
/// Runs the published CLI once in a working folder and returns its wall and CPU time; a non-zero exit is an error.
/// With <paramref name="runtimeStats"/>, the process and those it starts load the bench's startup hook and report their
/// JIT and GC figures at exit.
/// </summary>
internal sealed class CliProcess(string cliPath, string workingFolder, IReadOnlyDictionary<string, string> environment, bool runtimeStats = false)
{
    private static readonly string HookAssembly = Path.Combine(AppContext.BaseDirectory, "Pipeline.Bench.RuntimeStats.dll");

    public CliRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(cliPath)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var statsFile = runtimeStats ? Path.Combine(workingFolder, $"runtime-stats-{Guid.NewGuid():N}.tsv") : null;
        if (statsFile is not null)
        {
            start.Environment["DOTNET_STARTUP_HOOKS"] = HookAssembly;
            start.Environment[RuntimeStatsLine.FileVariable] = statsFile;
        }

        var cpuBefore = ChildCpu.Total();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {cliPath}");
        // Read both streams concurrently so a chatty stage never blocks on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        var cpu = ChildCpu.Total() - cpuBefore;
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"'pipeline {string.Join(' ', arguments)}' exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return new CliRun(clock.Elapsed, cpu, statsFile is null ? [] : ReadStats(statsFile));
    }

    private static RuntimeStatsLine[] ReadStats(string file)
    {
        if (!File.Exists(file))
            throw new InvalidOperationException($"no process reported runtime figures to {file}: was the startup hook refused?");
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).Select(RuntimeStatsLine.Parse).ToArray();
        File.Delete(file);
        return lines;
    }
}
