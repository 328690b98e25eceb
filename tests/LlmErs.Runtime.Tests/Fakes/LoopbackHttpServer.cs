using System.Net;
using System.Net.Sockets;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// An <see cref="HttpListener"/> on a free port of 127.0.0.1 that hands every request to a handler, for the fake HTTP
/// servers; disposing it stops the listener and the accept loop.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _listener = Start(out var port);
        Port = port;
        _loop = Task.Run(() => AcceptLoopAsync(handle));
    }

    public int Port { get; }

    /// <summary>Cancelled when the server stops; handlers wait and read with it.</summary>
    public CancellationToken Stopping => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the pending accept.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private static HttpListener Start(out int port)
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

    /// <summary>A loopback port nothing listens on (at the moment of the call).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync(Func<HttpListenerContext, Task> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => handle(context));
        }
    }
}
