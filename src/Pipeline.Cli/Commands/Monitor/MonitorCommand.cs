using System.CommandLine;

namespace Pipeline.Cli.Commands.Monitor;

/// <summary><c>pipeline monitor ...</c>: watching a served model with what its prediction log recorded.</summary>
internal static class MonitorCommand
{
    public static Command Create(TimeProvider time) =>
        new("monitor", "Watch a served model: compare its prediction log with its training data (drift) and with the labels that arrived later (compare).")
    {
        MonitorDriftCommand.Create(time),
        MonitorCompareCommand.Create(),
    };
}
