using System.Diagnostics;
using System.Globalization;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The laid-out server as a background process of this machine (the fallback without a Docker engine), started as the
/// image starts it (its executable, or this process's <c>dotnet</c> host and its assembly): it outlives the stage,
/// writes to a log file, and is found again by its process id.
/// </summary>
internal static class LocalServerProcess
{
    /// <summary>Starts the server and waits until <c>/health</c> answers; returns its process id and URL.</summary>
    public static async Task<(int Pid, Uri Url)> StartAsync(
        ServerLayout layout, string modelDirectory, int port, string version, string logFile, TimeSpan timeout, CancellationToken ct)
    {
        var command = layout.LocalCommand;
        // sh redirects the descriptors and then becomes the server (exec), so nothing holds our console open.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, Environment = { ["LOG_FILE"] = logFile } };
        foreach (var argument in (string[])["-c", "exec \"$0\" \"$@\" >>\"$LOG_FILE\" 2>&1 </dev/null", .. command,
                     "--model", modelDirectory, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--model-version", version])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new PipelineException($"{string.Join(' ', command)} did not start.");
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/health"), ct);
                if (response.IsSuccessStatusCode)
                    return (process.Id, url);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            if (process.HasExited)
                throw new PipelineException($"The scoring server exited with code {process.ExitCode} before {url}health answered.\n{Tail(logFile)}");
            if (clock.Elapsed > timeout)
            {
                process.Kill();
                throw new PipelineException($"The scoring server was not healthy within {timeout.TotalSeconds:0} s.\n{Tail(logFile)}");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Stops the server with this process id if it is still ours (see <see cref="IsServer"/>); true when one was stopped.</summary>
    public static bool Stop(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (!IsServer(process))
                return false;
            process.Kill();
            process.WaitForExit(10_000);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // already gone
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The process is the server, not another that got its id: named after it when started directly (Linux keeps 15
    /// characters of the name), else a <c>dotnet</c> process whose command line (Linux's <c>/proc</c>) runs its assembly.
    /// </summary>
    private static bool IsServer(Process process)
    {
        if (process.ProcessName.StartsWith(ServerLayout.ServerName[..15], StringComparison.Ordinal))
            return true;
        var commandLine = $"/proc/{process.Id}/cmdline";
        return process.ProcessName == "dotnet" && File.Exists(commandLine)
            && File.ReadAllText(commandLine).Split('\0').Any(a => Path.GetFileName(a) == ServerLayout.ServerName + ".dll");
    }

    private static string Tail(string logFile) => File.Exists(logFile)
        ? "Server log (last lines):\n" + string.Join('\n', File.ReadLines(logFile).TakeLast(20))
        : "The server wrote no log.";
}
