using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>
/// Decides a fake model's reply from markers in the item text (the prompt), so that one catalog exercises every fault
/// through any transport. A marker applies to every field, or with <c>@Field</c> to one field only:
/// <list type="bullet">
/// <item><c>#fenced</c> — valid JSON inside a Markdown code fence.</item>
/// <item><c>#malformed</c>, <c>#empty</c>, <c>#oov</c> — an invalid first answer (broken JSON, nothing, a tag outside the vocabulary), valid on re-ask.</item>
/// <item><c>#oov-always</c> — always a tag outside the vocabulary.</item>
/// <item><c>#unknown</c> — a valid answer of null: the model cannot tell.</item>
/// <item><c>#repeat</c> — a tag list that names one tag twice.</item>
/// <item><c>#refuse</c> — a refusal; <c>#blocked</c> — an answer stopped by the content filter; <c>#filtered</c> — HTTP 400
/// from the content filter; <c>#badrequest</c> — HTTP 400.</item>
/// <item><c>#429</c> (with Retry-After), <c>#500</c>, <c>#503</c>, <c>#reset</c> (dropped connection) — once, then valid.</item>
/// <item>A request for no JSON at all (the engine's preflight) is answered "OK".</item>
/// <item><c>#down</c> — HTTP 500 every time; <c>#hang</c> — never answers; <c>#slow</c> — 30 ms latency.</item>
/// </list>
/// </summary>
public sealed partial class FaultScript
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(40);

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public FakeReply Decide(FakeRequest request)
    {
        if (request.IsPlain)
        {
            return FakeReply.Answer("OK");
        }

        var attempt = _attempts.AddOrUpdate(string.Join("\u001e", request.Messages.Select(m => m.Text)), 1, (_, n) => n + 1);
        var valid = SchemaAnswerer.Answer(request.Schema, request.Prompt, request.Model);
        var latency = Has(request, "slow") ? TimeSpan.FromMilliseconds(30) : TimeSpan.Zero;

        if (Has(request, "hang")) return new FakeReply(FakeReplyKind.Hang);
        if (Has(request, "down")) return FakeReply.Error(500);
        if (Has(request, "badrequest")) return FakeReply.Error(400, "invalid_request_error");
        if (Has(request, "filtered")) return FakeReply.Error(400, "content_filter");
        if (Has(request, "refuse")) return new FakeReply(FakeReplyKind.Refusal, "I can't help with that.");
        if (Has(request, "blocked")) return new FakeReply(FakeReplyKind.ContentFilter);
        if (attempt == 1 && Has(request, "429")) return FakeReply.Error(429, "rate_limit_exceeded", RetryAfter);
        if (attempt == 1 && Has(request, "500")) return FakeReply.Error(500);
        if (attempt == 1 && Has(request, "503")) return FakeReply.Error(503);
        if (attempt == 1 && Has(request, "reset")) return new FakeReply(FakeReplyKind.NetworkError);
        if (Has(request, "oov-always") || (!request.IsReask && Has(request, "oov")))
        {
            return FakeReply.Answer("{\"value\":[\"not-in-the-vocabulary\"]}", latency);
        }

        if (Has(request, "repeat")) return FakeReply.Answer("{\"value\":[\"crime\",\"Crime\"]}", latency);
        if (Has(request, "unknown")) return FakeReply.Answer("{\"value\":null}", latency);
        if (!request.IsReask && Has(request, "malformed")) return FakeReply.Answer("{\"value\": \"unterminated", latency);
        if (!request.IsReask && Has(request, "empty")) return FakeReply.Answer("", latency);
        if (Has(request, "fenced")) return FakeReply.Answer($"```json\n{valid}\n```", latency);
        return FakeReply.Answer(valid, latency);
    }

    private static bool Has(FakeRequest request, string fault)
    {
        foreach (Match match in Marker().Matches(request.Prompt))
        {
            if (match.Groups["fault"].Value == fault &&
                (!match.Groups["field"].Success || match.Groups["field"].Value == request.Field))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"#(?<fault>[a-z0-9-]+)(@(?<field>\w+))?")]
    private static partial Regex Marker();
}
