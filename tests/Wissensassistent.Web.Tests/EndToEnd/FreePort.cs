using System.Net;
using System.Net.Sockets;

namespace Wissensassistent.Web.Tests.EndToEnd;

internal static class FreePort
{
    public static int OnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
