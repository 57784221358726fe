using System.Runtime.InteropServices;

namespace Pipeline.Tracking.Runs;

/// <summary>Delivers termination signals (Ctrl+C, SIGTERM) to a handler; one-method seam so tests can raise them.</summary>
public interface ISignalSource
{
    /// <summary>Calls <paramref name="handler"/> for each signal until the returned registration is disposed.</summary>
    IDisposable Subscribe(Action<PosixSignalContext> handler);
}
