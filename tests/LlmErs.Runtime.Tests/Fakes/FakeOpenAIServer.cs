using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible <c>/v1/chat/completions</c> endpoint on 127.0.0.1 (HttpListener, no extra packages) whose
/// replies come from a <see cref="FaultScript"/> or any other decision: errors are real HTTP statuses with OpenAI error
/// bodies and <c>retry-after-ms</c> headers, refusals use the <c>refusal</c> field, hangs never respond.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _http;
    private readonly Func<FakeRequest, FakeReply> _decide;
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _requests;

    private FakeOpenAIServer(Func<FakeRequest, FakeReply> decide)
    {
        _decide = decide;
        _http = new LoopbackHttpServer(HandleAsync);
        Endpoint = new Uri($"http://127.0.0.1:{_http.Port}/v1");
    }

    public Uri Endpoint { get; }

    /// <summary>HTTP requests received, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The JSON body of every request received, as sent on the wire.</summary>
    public IReadOnlyCollection<string> Bodies => _bodies;

    public static FakeOpenAIServer Start(FaultScript script) => Start(script.Decide);

    public static FakeOpenAIServer Start(Func<FakeRequest, FakeReply> decide) => new(decide);

    /// <summary>An <see cref="IChatClient"/> over the official OpenAI client, with its own retries off so that the engine's pipeline owns them.</summary>
    public IChatClient CreateChatClient(string model = "fake-model", string apiKey = "test-key") =>
        CreateChatClient(Endpoint, model, apiKey);

    /// <summary>The same client for any address, e.g. a port with nothing listening.</summary>
    public static IChatClient CreateChatClient(Uri endpoint, string model = "fake-model", string apiKey = "test-key") =>
        new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        }).GetChatClient(model).AsIChatClient();

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    /// <summary>A loopback port nothing listens on (at the moment of the call).</summary>
    public static int FreePort() => LoopbackHttpServer.FreePort();

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(_http.Stopping);
            _bodies.Enqueue(text);
            using var body = JsonDocument.Parse(text);
            var request = Parse(body.RootElement);
            var reply = _decide(request);
            if (reply.Latency > TimeSpan.Zero)
            {
                await Task.Delay(reply.Latency, _http.Stopping);
            }

            switch (reply.Kind)
            {
                case FakeReplyKind.Hang:
                    await Task.Delay(Timeout.Infinite, _http.Stopping);
                    break;
                case FakeReplyKind.NetworkError:
                    // Promise a body, send part of it, and drop the connection: the client sees the response end early.
                    context.Response.StatusCode = 200;
                    context.Response.ContentLength64 = 1_000;
                    await context.Response.OutputStream.WriteAsync("{\"id\":"u8.ToArray());
                    await context.Response.OutputStream.FlushAsync();
                    context.Response.Abort();
                    return;
                case FakeReplyKind.HttpError:
                    if (reply.RetryAfter is { } wait)
                    {
                        context.Response.Headers["retry-after-ms"] = ((int)wait.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    // Some servers echo the request's headers in their error text; a client must not pass that on unmasked.
                    var message = reply.EchoAuthorization
                        ? $"Fake failure {reply.Status}. Request headers: Authorization: {context.Request.Headers["Authorization"]}"
                        : $"Fake failure {reply.Status}";
                    await WriteAsync(context, reply.Status, new
                    {
                        error = new { message, type = "fake", code = reply.ErrorCode ?? "server_error" },
                    });
                    break;
                default:
                    await WriteAsync(context, 200, FakeCompletion.Body(request, reply));
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (a timed-out attempt) or the server is stopping.
        }
    }

    /// <summary>What the fake model sees of a chat-completions request body.</summary>
    internal static FakeRequest Parse(JsonElement body)
    {
        var messages = body.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").ValueKind == JsonValueKind.String
                ? m.GetProperty("content").GetString()!
                : string.Concat(m.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()))))
            .ToList();
        JsonElement? schema = null;
        string? field = null;
        if (body.TryGetProperty("response_format", out var format) && format.TryGetProperty("json_schema", out var jsonSchema))
        {
            schema = jsonSchema.GetProperty("schema").Clone();
            field = jsonSchema.GetProperty("name").GetString();
        }
        else if (!body.TryGetProperty("response_format", out _))
        {
            // A request that asks for no JSON at all, such as the engine's preflight.
            return new FakeRequest(body.GetProperty("model").GetString()!, null, default, messages);
        }

        return new FakeRequest(body.GetProperty("model").GetString()!, field,
            FakeRequest.SchemaFrom(schema, messages.First(m => m.Item1 == "system").Item2), messages);
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
