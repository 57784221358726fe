using System.Collections.Concurrent;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>Keeps every stage message so tests can assert on what a user would read.</summary>
internal sealed class RecordingReporter : IStageReporter
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public string Text => string.Join('\n', _lines);

    public void Info(string message) => _lines.Enqueue(message);

    public void Warning(string message) => _lines.Enqueue("warning: " + message);

    public void Error(string message) => _lines.Enqueue("error: " + message);
}
