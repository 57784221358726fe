using System.Runtime.InteropServices;
using Pipeline.Tracking.Runs;

namespace Pipeline.Tracking.Tests.Fakes;

/// <summary>TEST FAKE: signals raised by the test instead of the operating system.</summary>
public sealed class ManualSignalSource : ISignalSource
{
    private readonly List<Action<PosixSignalContext>> _handlers = [];

    public int SubscriberCount => _handlers.Count;

    public IDisposable Subscribe(Action<PosixSignalContext> handler)
    {
        _handlers.Add(handler);
        return new Unsubscribe(() => _handlers.Remove(handler));
    }

    /// <summary>Delivers <paramref name="signal"/>; returns whether a handler cancelled its default action.</summary>
    public bool Raise(PosixSignal signal)
    {
        var context = new PosixSignalContext(signal);
        foreach (var handler in _handlers.ToList())
        {
            handler(context);
        }

        return context.Cancel;
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
