using System.Text;
using System.Text.Json;

namespace LlmErs;

/// <summary>Reads a batch's output or error file (JSON Lines) into answers by custom id.</summary>
internal static class BatchResultFile
{
    public static void Read(byte[] jsonLines, string fileId, Dictionary<string, BatchAnswer> answers)
    {
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(jsonLines).Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            BatchResultLine? result;
            try
            {
                result = JsonSerializer.Deserialize(line, BatchJsonContext.Default.BatchResultLine);
            }
            catch (JsonException ex)
            {
                throw new EnrichmentBatchException(
                    $"Line {lineNumber} of batch result file {fileId} is not valid JSON ({ex.Message}); the endpoint does not follow the Batch API's output format.", ex);
            }

            // A line without a custom id cannot be mapped back to a request; its request counts as unanswered.
            if (result?.CustomId is { } customId)
            {
                answers[customId] = Interpret(result);
            }
        }
    }

    private static BatchAnswer Interpret(BatchResultLine line)
    {
        if (line.Response is not { StatusCode: 200 } response)
        {
            var error = line.Error ?? ErrorOf(line.Response);
            return new BatchAnswer(null, $"{(line.Response is { } failed ? $"status {failed.StatusCode}" : "error")}: {error?.Message ?? "no message"}{(error?.Code is { } code ? $" [{code}]" : "")}",
                false, default);
        }

        if (response.Body.ValueKind != JsonValueKind.Object)
        {
            return new BatchAnswer(null, "the response has no body", false, default);
        }

        ChatCompletionResult? completion;
        try
        {
            completion = response.Body.Deserialize(BatchJsonContext.Default.ChatCompletionResult);
        }
        catch (JsonException ex)
        {
            return new BatchAnswer(null, $"the response body is not a chat completion ({ex.Message})", false, default);
        }

        var usage = completion?.Usage is { } reported ? new TokenUsage(reported.PromptTokens, reported.CompletionTokens) : default;
        var choice = completion?.Choices is [var first, ..] ? first : null;
        return choice switch
        {
            null => new BatchAnswer(null, "the completion has no choice", true, usage),
            { Message.Refusal: { } refusal } => new BatchAnswer(null, $"the model refused: {refusal}", true, usage),
            { FinishReason: "content_filter" } => new BatchAnswer(null, "the content filter stopped the answer", true, usage),
            { Message.Content: { } content } => new BatchAnswer(content, null, true, usage),
            _ => new BatchAnswer(null, "the completion has no content", true, usage),
        };
    }

    private static ApiError? ErrorOf(BatchResultResponse? response)
    {
        if (response?.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }

        try
        {
            return body.Deserialize(BatchJsonContext.Default.ApiErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
