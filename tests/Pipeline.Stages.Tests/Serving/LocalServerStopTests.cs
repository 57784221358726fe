using System.Diagnostics;
using Pipeline.Stages.Stages.Serve;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>How a local server process is stopped: SIGTERM first, SIGKILL only after the grace period, as <c>docker stop</c>.</summary>
public sealed class LocalServerStopTests
{
    [Fact]
    public void Terminate_ProcessThatExitsOnSigterm_StopsWithoutBeingKilled()
    {
        using var process = StartReady("trap 'exit 7' TERM; echo ready; while :; do sleep 0.05; done");
        try
        {
            Assert.Equal(LocalServerStop.Stopped, LocalServerProcess.Terminate(process, TimeSpan.FromSeconds(10)));
            Assert.True(process.HasExited);
            // Its own TERM handler ran (exit 7): the process was asked, not killed.
            Assert.Equal(7, process.ExitCode);
        }
        finally
        {
            KillIfRunning(process);
        }
    }

    [Fact]
    public void Terminate_ProcessThatIgnoresSigterm_IsKilledOnceTheGracePeriodHasPassed()
    {
        using var process = StartReady("trap '' TERM; echo ready; exec sleep 30");
        try
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal(LocalServerStop.Killed, LocalServerProcess.Terminate(process, TimeSpan.FromMilliseconds(300)));
            Assert.True(process.HasExited);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        }
        finally
        {
            KillIfRunning(process);
        }
    }

    // The script prints "ready" once its trap is set, so the signal never arrives before the handler it tests.
    private static Process StartReady(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        var process = Process.Start(start)!;
        Assert.Equal("ready", process.StandardOutput.ReadLine());
        return process;
    }

    private static void KillIfRunning(Process process)
    {
        if (!process.HasExited)
            process.Kill();
    }
}
