using System.Net;
using System.Net.Sockets;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>An <see cref="HttpListener"/> started on a free port of 127.0.0.1, for the fake HTTP servers.</summary>
public static class LoopbackListener
{
    public static HttpListener Start(out int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding; probe again.
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
