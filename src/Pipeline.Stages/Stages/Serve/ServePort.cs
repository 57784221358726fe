using System.Net;
using System.Net.Sockets;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The host port DockerServe serves on, checked before anything starts: a port the pipeline file names and another
/// process holds is an error naming <c>serve.port</c>; the default port, when taken, gives way to a free port, and the
/// stage says which. (A server that still dies on its port, in the instant between this check and its start, is caught
/// by the start's own checks.)
/// </summary>
internal static class ServePort
{
    public static int Choose(ServeSpec serve, IStageReporter reporter)
    {
        if (serve.Port == 0)
        {
            var any = FreePort();
            reporter.Info($"DockerServe: serve.port is 0: serving on the free port {any}.");
            return any;
        }
        if (IsFree(serve.Port))
            return serve.Port;
        if (serve.PortIsExplicit)
            throw new PipelineException(
                $"DockerServe: port {serve.Port} is already in use by another process; free it or choose another with serve.port in the pipeline file.");
        var free = FreePort();
        reporter.Warning($"DockerServe: the default port {serve.Port} is already in use by another process; serving on the free port {free} instead (set serve.port to choose one).");
        return free;
    }

    /// <summary>Whether nothing listens on the port on any interface (Docker publishes on all of them).</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            socket.Listen(1);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
