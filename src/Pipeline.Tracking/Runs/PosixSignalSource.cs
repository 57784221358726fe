using System.Runtime.InteropServices;

namespace Pipeline.Tracking.Runs;

/// <summary>
/// The process's SIGINT (Ctrl+C) and SIGTERM, through <see cref="PosixSignalRegistration"/>
/// (on Windows: Ctrl+C and the console close/shutdown events).
/// </summary>
public sealed class PosixSignalSource : ISignalSource
{
    /// <inheritdoc />
    public IDisposable Subscribe(Action<PosixSignalContext> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new Registrations(
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, handler),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, handler),
        ]);
    }

    private sealed class Registrations(IReadOnlyList<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
