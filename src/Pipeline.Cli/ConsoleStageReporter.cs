using Pipeline.Stages.Running;

namespace Pipeline.Cli;

/// <summary>Writes stage messages to the console: information to stdout, warnings and errors to stderr.</summary>
internal sealed class ConsoleStageReporter(TextWriter output, TextWriter error) : IStageReporter
{
    public void Info(string message) => output.WriteLine(message);

    public void Warning(string message) => error.WriteLine($"warning: {message}");

    public void Error(string message) => error.WriteLine($"error: {message}");
}
