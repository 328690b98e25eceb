using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// The OpenAI Files and Batch API on 127.0.0.1 (HttpListener): <c>POST /v1/files</c> (multipart, purpose batch),
/// <c>POST /v1/batches</c>, <c>GET /v1/batches/{id}</c> and <c>GET /v1/files/{id}/content</c>. A batch's answers come
/// from the scenario's <see cref="FaultScript"/>, line by line as a live request would get them; output lines are
/// written in reverse order, so only the custom ids map them back.
/// </summary>
public sealed class FakeBatchServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _http;
    private readonly BatchScenario _scenario;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, FakeBatch> _batches = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private int _ids;
    private int _batchIds;
    private int _failingPolls;

    private FakeBatchServer(BatchScenario scenario)
    {
        _scenario = scenario;
        _failingPolls = scenario.FailingPolls;
        _http = new LoopbackHttpServer(HandleAsync);
        Endpoint = new Uri($"http://127.0.0.1:{_http.Port}/v1");
    }

    public Uri Endpoint { get; }

    /// <summary>Every request received, as "METHOD /path".</summary>
    public IReadOnlyCollection<string> Calls => _calls;

    /// <summary>The uploaded input files' text, in upload order.</summary>
    public IReadOnlyList<string> InputFiles => [.. _batches.Values.OrderBy(b => b.Order).Select(b => b.Input)];

    public int BatchesCreated => _batches.Count;

    /// <summary>The last Authorization header received.</summary>
    public string? Authorization { get; private set; }

    public static FakeBatchServer Start(BatchScenario scenario) => new(scenario);

    /// <summary>The text of a file the server wrote (an output or error file).</summary>
    public string FileText(string id) => Encoding.UTF8.GetString(_files[id]);

    public IReadOnlyList<(string Id, string? OutputFileId, string? ErrorFileId)> Batches =>
        [.. _batches.Values.OrderBy(b => b.Order).Select(b => (b.Id, b.OutputFileId, b.ErrorFileId))];

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            var path = request.Url!.AbsolutePath;
            _calls.Enqueue($"{request.HttpMethod} {path}");
            Authorization = request.Headers["Authorization"];
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(_http.Stopping);
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            switch (request.HttpMethod, segments)
            {
                case ("POST", ["v1", "files"]):
                    await UploadAsync(context, body);
                    break;
                case ("POST", ["v1", "batches"]):
                    await CreateAsync(context, body);
                    break;
                case ("GET", ["v1", "batches", _]) when Interlocked.Decrement(ref _failingPolls) >= 0:
                    await WriteJsonAsync(context, 503, Error("The server is overloaded.", "server_error"));
                    break;
                case ("GET", ["v1", "batches", var id]) when _batches.TryGetValue(id, out var batch):
                    await WriteJsonAsync(context, 200, Poll(batch));
                    break;
                case ("GET", ["v1", "files", var id, "content"]) when _files.TryGetValue(id, out var content):
                    await WriteAsync(context, 200, content, "application/jsonl");
                    break;
                default:
                    await WriteJsonAsync(context, 404, Error($"No route {request.HttpMethod} {path}.", "not_found"));
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The server is stopping.
        }
    }

    private async Task UploadAsync(HttpListenerContext context, string body)
    {
        if (_scenario.UploadStatus is { } status)
        {
            // Some providers echo the request's credentials in their error text.
            await WriteJsonAsync(context, status, Error($"Incorrect API key provided in '{Authorization}'.", "invalid_api_key"));
            return;
        }

        var form = Multipart.Parse(body, context.Request.ContentType!);
        if (form.GetValueOrDefault("purpose") != "batch" || !form.TryGetValue("file", out var file))
        {
            await WriteJsonAsync(context, 400, Error("A batch upload needs purpose=batch and a file.", "invalid_request_error"));
            return;
        }

        var id = $"file-in-{Interlocked.Increment(ref _ids)}";
        _files[id] = Encoding.UTF8.GetBytes(file);
        await WriteJsonAsync(context, 200, new JsonObject { ["id"] = id, ["object"] = "file", ["purpose"] = "batch" });
    }

    private async Task CreateAsync(HttpListenerContext context, string body)
    {
        var create = JsonNode.Parse(body)!;
        var inputFileId = (string)create["input_file_id"]!;
        if ((string?)create["endpoint"] != "/v1/chat/completions" || (string?)create["completion_window"] != "24h" || !_files.ContainsKey(inputFileId))
        {
            await WriteJsonAsync(context, 400, Error($"Bad batch request: {body}", "invalid_request_error"));
            return;
        }

        var order = Interlocked.Increment(ref _batchIds);
        var batch = new FakeBatch($"batch_{order}", order, Encoding.UTF8.GetString(_files[inputFileId]));
        _batches[batch.Id] = batch;
        await WriteJsonAsync(context, 200, batch.ToJson("validating"));
    }

    private JsonObject Poll(FakeBatch batch)
    {
        lock (batch)
        {
            if (batch.Status is null && batch.Polls++ >= _scenario.PollsBeforeEnd)
            {
                End(batch);
            }

            return batch.ToJson(batch.Status ?? "in_progress");
        }
    }

    private void End(FakeBatch batch)
    {
        batch.Status = _scenario.EndStatus;
        if (batch.Status == "failed")
        {
            batch.Errors = [("invalid_request", "The model 'no-such-model' does not exist.", 1)];
            return;
        }

        var lines = batch.Input.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var answered = batch.Status == "completed" ? lines.Length : Math.Min(_scenario.AnsweredLines, lines.Length);
        var output = new List<string>();
        var errors = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = JsonNode.Parse(lines[i])!;
            var customId = (string)line["custom_id"]!;
            if (i >= answered)
            {
                errors.Add(Line(customId, null, new JsonObject { ["code"] = "batch_expired", ["message"] = "This request could not be executed before the completion window expired." }));
                continue;
            }

            using var requestBody = JsonDocument.Parse(line["body"]!.ToJsonString());
            var request = FakeOpenAIServer.Parse(requestBody.RootElement);
            var reply = _scenario.Answers.Decide(request);
            if (reply.Kind is FakeReplyKind.Answer or FakeReplyKind.Refusal or FakeReplyKind.ContentFilter)
            {
                output.Add(Line(customId, JsonSerializer.SerializeToNode(FakeCompletion.Body(request, reply)), null, 200));
            }
            else
            {
                var status = reply.Kind == FakeReplyKind.HttpError ? reply.Status : 500;
                errors.Add(Line(customId, Error($"Fake failure {status}", reply.ErrorCode ?? "server_error"), null, status));
            }
        }

        output.Reverse();
        batch.Completed = output.Count;
        batch.Failed = errors.Count;
        batch.Total = lines.Length;
        batch.OutputFileId = Store("out", output);
        batch.ErrorFileId = Store("err", errors);
    }

    private string? Store(string kind, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var id = $"file-{kind}-{Interlocked.Increment(ref _ids)}";
        _files[id] = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        return id;
    }

    private static string Line(string customId, JsonNode? body, JsonObject? error, int status = 0) =>
        new JsonObject
        {
            ["id"] = $"batch_req_{customId.GetHashCode():x8}",
            ["custom_id"] = customId,
            ["response"] = body is null ? null : new JsonObject { ["status_code"] = status, ["request_id"] = "req_fake", ["body"] = body },
            ["error"] = error,
        }.ToJsonString();

    private static JsonObject Error(string message, string code) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["code"] = code } };

    private static Task WriteJsonAsync(HttpListenerContext context, int status, JsonNode payload) =>
        WriteAsync(context, status, Encoding.UTF8.GetBytes(payload.ToJsonString()), "application/json");

    private static async Task WriteAsync(HttpListenerContext context, int status, byte[] bytes, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private sealed class FakeBatch(string id, int order, string input)
    {
        public string Id { get; } = id;

        public int Order { get; } = order;

        public string Input { get; } = input;

        public int Polls { get; set; }

        public string? Status { get; set; }

        public string? OutputFileId { get; set; }

        public string? ErrorFileId { get; set; }

        public int Total { get; set; }

        public int Completed { get; set; }

        public int Failed { get; set; }

        public (string Code, string Message, int Line)[] Errors { get; set; } = [];

        public JsonObject ToJson(string status) => new()
        {
            ["id"] = Id,
            ["object"] = "batch",
            ["endpoint"] = "/v1/chat/completions",
            ["status"] = status,
            ["output_file_id"] = OutputFileId,
            ["error_file_id"] = ErrorFileId,
            ["request_counts"] = new JsonObject { ["total"] = Total, ["completed"] = Completed, ["failed"] = Failed },
            ["errors"] = Errors.Length == 0 ? null : new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray([.. Errors.Select(e => (JsonNode)new JsonObject { ["code"] = e.Code, ["message"] = e.Message, ["line"] = e.Line })]),
            },
        };
    }
}
