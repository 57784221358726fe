using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>Keeps every line a stage reports.</summary>
internal sealed class RecordingReporter : IStageReporter
{
    public List<string> Lines { get; } = [];

    public void Info(string message) => Lines.Add("info: " + message);

    public void Warning(string message) => Lines.Add("warning: " + message);

    public void Error(string message) => Lines.Add("error: " + message);
}
