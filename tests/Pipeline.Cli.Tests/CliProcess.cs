using System.Diagnostics;

namespace Pipeline.Cli.Tests;

/// <summary>Runs the built CLI (<c>dotnet pipeline.dll ...</c>) with stdout and stderr redirected, as CI runs it.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>src/Pipeline.Cli's build output with this test project's configuration and framework.</summary>
    public static string DllPath
    {
        get
        {
            var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = baseDir.Name;
            var configuration = baseDir.Parent!.Name;
            var repository = baseDir.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repository, "src", "Pipeline.Cli", "bin", configuration, tfm, "pipeline.dll");
        }
    }

    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        RunAsync(DllPath, TimeSpan.FromMinutes(1), workingDirectory, environment, arguments);

    /// <summary>Runs the CLI at <paramref name="dll"/> (e.g. an installed copy), failing after <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(
        string dll, TimeSpan timeout, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        Assert.True(File.Exists(dll), $"CLI not built at {dll}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("MLFLOW_TRACKING_URI");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
