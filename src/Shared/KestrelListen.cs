using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Pipeline.Hosting;

/// <summary>
/// How both servers (the scoring server and the tracking server) turn a <c>--host</c> and <c>--port</c> into Kestrel
/// endpoints: <c>*</c> or <c>0.0.0.0</c> listen on every address, <c>localhost</c> on both loopbacks, anything else must be
/// an IP address. One source file compiled into both server assemblies, which share no ASP.NET-aware project.
/// </summary>
internal static class KestrelListen
{
    /// <summary>Adds the endpoint; a host that is not an address throws what <paramref name="invalidHost"/> makes of the message.</summary>
    public static void On(KestrelServerOptions kestrel, string host, int port, Func<string, Exception> invalidHost)
    {
        switch (host)
        {
            case "*" or "0.0.0.0":
                kestrel.ListenAnyIP(port);
                break;
            case "localhost":
                kestrel.ListenLocalhost(port);
                break;
            default:
                kestrel.Listen(IPAddress.TryParse(host, out var address)
                    ? address
                    : throw invalidHost($"'{host}' is not an IP address, 'localhost' or '*'."), port);
                break;
        }
    }
}
