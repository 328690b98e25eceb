namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>What a fake model does with one request.</summary>
public enum FakeReplyKind
{
    /// <summary>Answers with <see cref="FakeReply.Text"/>.</summary>
    Answer,

    /// <summary>Declines through the provider's refusal channel.</summary>
    Refusal,

    /// <summary>Stops because the provider's content filter blocked the answer.</summary>
    ContentFilter,

    /// <summary>Fails with an HTTP status (and optionally a Retry-After).</summary>
    HttpError,

    /// <summary>Drops the connection.</summary>
    NetworkError,

    /// <summary>Never answers (until cancelled).</summary>
    Hang,
}

public sealed record FakeReply(FakeReplyKind Kind, string Text = "", int Status = 0, string? ErrorCode = null, TimeSpan? RetryAfter = null, TimeSpan Latency = default)
{
    /// <summary>Whether an error's message repeats the request's Authorization header, as some servers do.</summary>
    public bool EchoAuthorization { get; init; }

    public static FakeReply Answer(string text, TimeSpan latency = default) => new(FakeReplyKind.Answer, text, Latency: latency);

    public static FakeReply Error(int status, string? code = null, TimeSpan? retryAfter = null) =>
        new(FakeReplyKind.HttpError, Status: status, ErrorCode: code, RetryAfter: retryAfter);
}
