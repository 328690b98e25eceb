namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>The chat-completions response body a fake endpoint sends for an answer, a refusal or a filtered answer.</summary>
public static class FakeCompletion
{
    public static object Body(FakeRequest request, FakeReply reply)
    {
        var refused = reply.Kind == FakeReplyKind.Refusal;
        var usage = ScriptedChatClient.Usage(request, reply.Text);
        return new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = request.Model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content = refused ? null : reply.Text, refusal = refused ? reply.Text : null },
                    finish_reason = reply.Kind == FakeReplyKind.ContentFilter ? "content_filter" : "stop",
                },
            },
            usage = new { prompt_tokens = usage.InputTokenCount, completion_tokens = usage.OutputTokenCount, total_tokens = usage.TotalTokenCount ?? usage.InputTokenCount + usage.OutputTokenCount },
        };
    }
}
