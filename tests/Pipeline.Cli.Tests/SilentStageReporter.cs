using Pipeline.Stages.Running;

namespace Pipeline.Cli.Tests;

/// <summary>TEST HELPER: a stage reporter for set-up steps whose messages the test does not check.</summary>
internal sealed class SilentStageReporter : IStageReporter
{
    public void Info(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Error(string message)
    {
    }
}
