using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// Builds the chat-completions body of one batch request from a field's plan and rendered prompt: the messages, model,
/// response format and sampling options a live request carries, as the OpenAI adapter of Microsoft.Extensions.AI sends
/// them (the instructions as a leading system message, the maximum output tokens as <c>max_completion_tokens</c>).
/// The schema goes as generated; answers are validated by the field either way.
/// </summary>
internal static class BatchRequestBody
{
    public static ChatCompletionBody Create<T>(FieldPlan<T> field, string prompt)
    {
        var options = field.ChatOptions;
        List<ChatMessageBody> messages = [];
        if (options.Instructions is { Length: > 0 } instructions)
        {
            messages.Add(new ChatMessageBody(ChatRole.System.Value, instructions));
        }

        messages.Add(new ChatMessageBody(ChatRole.System.Value, field.SystemPrompt));
        messages.Add(new ChatMessageBody(ChatRole.User.Value, prompt));
        return new ChatCompletionBody
        {
            Model = field.ModelId,
            Messages = messages,
            ResponseFormat = options.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json
                ? new ResponseFormatBody("json_schema", new JsonSchemaBody(json.SchemaName ?? field.Name, json.SchemaDescription, schema))
                : new ResponseFormatBody("json_object", null),
            Temperature = options.Temperature,
            TopP = options.TopP,
            MaxCompletionTokens = options.MaxOutputTokens,
            FrequencyPenalty = options.FrequencyPenalty,
            PresencePenalty = options.PresencePenalty,
            Seed = options.Seed,
            Stop = options.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
            ReasoningEffort = options.Reasoning?.Effort is { } effort ? Effort(effort) : null,
        };
    }

    private static string Effort(ReasoningEffort effort) => effort switch
    {
        ReasoningEffort.ExtraHigh => "xhigh",
        _ => effort.ToString().ToLowerInvariant(),
    };
}
