using System.Data.Common;
using System.Net.Sockets;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Running;

/// <summary>
/// Recognises a tracking store that cannot be used at all (a corrupted or foreign SQLite file, a database server that
/// refuses the connection or the login) and words it as one line naming the store, with its password redacted, and
/// the cause: what a user can act on, instead of the driver's stack trace.
/// </summary>
public static class StoreFailure
{
    /// <summary>Whether <paramref name="exception"/> is the store's database failing (a driver or socket error).</summary>
    public static bool Is(Exception exception) => exception is DbException or SocketException
        || (exception is TimeoutException or IOException or InvalidOperationException && exception.InnerException is DbException or SocketException);

    /// <summary>"the tracking store postgresql://u:***@host/x cannot be used: Failed to connect to 127.0.0.1:1 (Connection refused)".</summary>
    public static string Describe(string storeUri, Exception exception)
    {
        var cause = exception.Message.TrimEnd('.');
        // Npgsql says which host it could not reach and keeps the socket's reason in the inner exception.
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            if (!cause.Contains(inner.Message.TrimEnd('.'), StringComparison.Ordinal))
                cause += $" ({inner.Message.TrimEnd('.')})";
        return $"the tracking store {PostgresUri.Redact(storeUri)} cannot be used: {cause}.";
    }
}
