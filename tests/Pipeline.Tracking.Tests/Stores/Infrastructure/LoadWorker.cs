using System.Diagnostics;

namespace Pipeline.Tracking.Tests.Stores.Infrastructure;

/// <summary>Starts tests/Pipeline.Tracking.LoadWorker as separate OS processes (<c>dotnet its.dll ...</c>).</summary>
public static class LoadWorker
{
    /// <summary>The worker's dll, built beside this test project with the same configuration and framework.</summary>
    public static string DllPath
    {
        get
        {
            var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = baseDir.Name;
            var configuration = baseDir.Parent!.Name;
            var testsDir = baseDir.Parent.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(testsDir, "Pipeline.Tracking.LoadWorker", "bin", configuration, tfm, "Pipeline.Tracking.LoadWorker.dll");
        }
    }

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs one worker per argument list at once and waits for all (at most ten minutes: a loaded CI machine is slow, a hung worker is not).</summary>
    public static async Task<IReadOnlyList<Result>> RunAllAsync(IEnumerable<string[]> argumentLists)
    {
        Assert.True(File.Exists(DllPath), $"Load worker not built at {DllPath}");
        var processes = argumentLists.Select(Start).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var results = new List<Result>();
        foreach (var (process, stdout, stderr) in processes)
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            results.Add(new Result(process.ExitCode, await stdout, await stderr));
            process.Dispose();
        }

        return results;
    }

    private static (Process, Task<string>, Task<string>) Start(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        return (process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }
}
