using System.Net.Sockets;

namespace Pipeline.Serving.Hosting;

/// <summary>Recognises Kestrel's failure to bind a port another process holds, so hosts can say so in one line.</summary>
public static class PortInUse
{
    /// <summary>Whether <paramref name="exception"/> (Kestrel's IOException from <c>StartAsync</c>) means the address is already in use.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || (e is IOException && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
                return true;
        return false;
    }

    /// <summary>"port 5080 on 127.0.0.1 is already in use by another process; choose another with --port."</summary>
    public static string Message(string host, int port, string option) =>
        $"port {port} on {host} is already in use by another process; choose another with {option}.";
}
