using System.Net;
using System.Net.Sockets;

namespace Pipeline.Cli.Tests;

/// <summary>TEST HELPER: a loopback port nobody listens on right now, for a server a test starts.</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
