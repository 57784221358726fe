using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pipeline.Cli.Tests;

/// <summary>Runs the built CLI on a pseudo-terminal of a given width (<c>script</c>), as a user at a console sees it.</summary>
public static partial class TerminalProcess
{
    public const string ScriptPath = "/usr/bin/script";

    /// <summary>What the terminal showed (ANSI escapes removed, lines trimmed at the end) and the exit code.</summary>
    public static async Task<(int ExitCode, string Screen)> RunAsync(string workingDirectory, int columns, params string[] arguments)
    {
        var command = $"stty cols {columns} rows 50; exec dotnet {Quote(CliProcess.DllPath)} {string.Join(' ', arguments.Select(Quote))}";
        var info = new ProcessStartInfo(ScriptPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("MLFLOW_TRACKING_URI");
        info.Environment["TERM"] = "xterm";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cancel.Token);
        var screen = AnsiEscape().Replace(await output, "").Replace("\r", "");
        return (process.ExitCode, string.Join('\n', screen.Split('\n').Select(l => l.TrimEnd())));
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex AnsiEscape();
}
