using System.Diagnostics;

namespace Pipeline.Bench.Training;

/// <summary>Runs the published CLI once in a working folder and returns its wall and CPU time; a non-zero exit is an error.</summary>
internal sealed class CliProcess(string cliPath, string workingFolder, IReadOnlyDictionary<string, string> environment)
{
    public (TimeSpan Wall, TimeSpan Cpu) Run(params string[] arguments)
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
        return (clock.Elapsed, cpu);
    }
}
