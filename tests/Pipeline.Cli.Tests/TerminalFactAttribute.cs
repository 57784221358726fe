namespace Pipeline.Cli.Tests;

/// <summary>
/// A test that runs the CLI on a real pseudo-terminal through util-linux's <c>script</c>; skipped, with the reason, where
/// that tool is missing (it is on every Debian-based machine and CI image).
/// </summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(TerminalProcess.ScriptPath))
        {
            Skip = $"needs Linux and {TerminalProcess.ScriptPath} (util-linux) to give the CLI a terminal";
        }
    }
}
