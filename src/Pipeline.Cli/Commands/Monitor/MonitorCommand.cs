using System.CommandLine;

namespace Pipeline.Cli.Commands.Monitor;

/// <summary><c>pipeline monitor ...</c>: watching a released model (its prediction log).</summary>
internal static class MonitorCommand
{
    public static Command Create() => new("monitor", "Watch a released model through its prediction log.")
    {
        MonitorCompareCommand.Create(),
    };
}
