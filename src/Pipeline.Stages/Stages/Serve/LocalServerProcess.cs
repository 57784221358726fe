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
    /// <summary>The response header through which the server names the instance id it was started with.</summary>
    internal const string InstanceHeader = "Pipeline-Instance-Id";

    // A refused connection on 127.0.0.1 costs microseconds, so polling often is free; at 100 ms the wait added 50 ms on
    // average to every DockerServe of `pipeline run` (issue 11).
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Starts the server and waits until <em>it</em> answers <c>/health</c>: the answer must carry the instance id this
    /// call gave it, and the process must still be alive. Another server already on the port answers too, but not
    /// with our id; ours then exits (address in use) and this throws instead of reporting the other one as served.
    /// </summary>
    public static async Task<(int Pid, Uri Url)> StartAsync(
        ServerLayout layout, string modelDirectory, int port, string version, string logFile, TimeSpan timeout,
        IReadOnlyList<string> extraArguments, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var command = layout.LocalCommand;
        var instance = Guid.NewGuid().ToString("N");
        // sh redirects the descriptors and then becomes the server (exec), so nothing holds our console open.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, Environment = { ["LOG_FILE"] = logFile } };
        foreach (var argument in (string[])["-c", "exec \"$0\" \"$@\" >>\"$LOG_FILE\" 2>&1 </dev/null", .. command,
                     "--model", modelDirectory, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--model-version", version,
                     "--instance-id", instance, .. extraArguments])
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new PipelineException($"{string.Join(' ', command)} did not start.");
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        string? stranger = null;
        while (true)
        {
            // Our own process first: a dead server cannot be the one answering.
            if (process.HasExited)
                throw Exited(process, url, port, stranger, logFile);
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/health"), ct);
                var answeredBy = response.Headers.TryGetValues(InstanceHeader, out var values) ? values.FirstOrDefault() : null;
                if (response.IsSuccessStatusCode && answeredBy == instance && !process.HasExited)
                    return (process.Id, url);
                if (answeredBy != instance)
                    stranger = answeredBy ?? "a server that gives no instance id";
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            if (clock.Elapsed > timeout)
            {
                process.Kill();
                throw new PipelineException(stranger is null
                    ? $"The scoring server was not healthy within {timeout.TotalSeconds:0} s.\n{Tail(logFile)}"
                    : $"Port {port} is answered by another server, not the one this stage started (still not listening after {timeout.TotalSeconds:0} s).\n{Tail(logFile)}");
            }

            await Task.Delay(HealthPoll, ct);
        }
    }

    private static PipelineException Exited(Process process, Uri url, int port, string? stranger, string logFile) => new(stranger is null
        ? $"The scoring server exited with code {process.ExitCode} before {url}health answered.\n{Tail(logFile)}"
        : $"The scoring server exited with code {process.ExitCode}: port {port} is already taken by another server, which answered {url}health in its place. " +
          $"Stop that server or set serve.port to a free port.\n{Tail(logFile)}");

    /// <summary>How long a stopping server may take to write out what it holds before it is killed: what <c>docker stop</c> gives the container.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Stops the server with this process id if it is still ours (see <see cref="IsServer"/>): SIGTERM, as <c>docker stop</c>
    /// does for the container, so the server ends its requests and writes out its prediction log's queue and inference run;
    /// SIGKILL only if it has not exited within <paramref name="grace"/> (default <see cref="StopGrace"/>).
    /// </summary>
    public static LocalServerStop Stop(int pid, TimeSpan? grace = null)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return IsServer(process) ? Terminate(process, grace ?? StopGrace) : LocalServerStop.NotRunning;
        }
        catch (ArgumentException)
        {
            return LocalServerStop.NotRunning; // already gone
        }
        catch (InvalidOperationException)
        {
            return LocalServerStop.NotRunning;
        }
    }

    /// <summary>SIGTERM, then SIGKILL once <paramref name="grace"/> has passed without an exit.</summary>
    internal static LocalServerStop Terminate(Process process, TimeSpan grace)
    {
        if (UnixSignals.Terminate(process.Id) && process.WaitForExit(grace))
            return LocalServerStop.Stopped;
        process.Kill();
        process.WaitForExit(10_000);
        return LocalServerStop.Killed;
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
