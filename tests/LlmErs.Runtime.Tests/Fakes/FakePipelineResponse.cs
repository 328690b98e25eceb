using System.ClientModel;
using System.ClientModel.Primitives;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>An HTTP error response as the OpenAI/Azure SDKs surface it, for throwing <see cref="ClientResultException"/> in process.</summary>
public sealed class FakePipelineResponse(int status, string body, IReadOnlyDictionary<string, string> headers) : PipelineResponse
{
    private Stream? _content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));

    public override int Status => status;

    public override string ReasonPhrase => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override Stream? ContentStream
    {
        get => _content;
        set => _content = value;
    }

    public override BinaryData Content => BinaryData.FromString(body);

    protected override PipelineResponseHeaders HeadersCore { get; } = new FakeHeaders(headers);

    public static ClientResultException Exception(FakeReply reply)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (reply.RetryAfter is { } wait)
        {
            headers["retry-after-ms"] = ((int)wait.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = $"{{\"error\":{{\"message\":\"Fake failure\",\"type\":\"fake\",\"code\":\"{reply.ErrorCode ?? "server_error"}\"}}}}";
        return new ClientResultException($"HTTP {reply.Status} ({reply.ErrorCode ?? "server_error"})", new FakePipelineResponse(reply.Status, body, headers));
    }

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);

    public override void Dispose() => _content?.Dispose();

    private sealed class FakeHeaders(IReadOnlyDictionary<string, string> values) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value) => values.TryGetValue(name, out value);

        public override bool TryGetValues(string name, out IEnumerable<string>? values1)
        {
            values1 = values.TryGetValue(name, out var value) ? [value] : null;
            return values1 is not null;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();
    }
}
