using System.Diagnostics;
using System.Text;

namespace Pipeline.Cli.Tests.Sweeps;

/// <summary>TEST HELPER: one <c>pipeline run sweep --exclusive</c> worker process, started so the test can SIGKILL it mid-trial.</summary>
internal sealed class SweepWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SweepWorkerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static SweepWorkerProcess Start(string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        info.ArgumentList.Add(CliProcess.DllPath);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment.Remove("MLFLOW_TRACKING_URI");
        var worker = new SweepWorkerProcess(Process.Start(info)!);
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: the process gets no chance to end its runs or release its trial.</summary>
    public void KillHard() => _process.Kill();

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"worker {Pid} still running after {timeout}:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
