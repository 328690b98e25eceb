using System.Text.Json;

namespace LlmErs;

// The OpenAI Batch and Files API's JSON, only the members the batch mode reads or writes (snake_case on the wire).

/// <summary>One line of a batch input file: a chat-completions request and the id that maps its answer back.</summary>
internal sealed record BatchRequestLine(string CustomId, string Method, string Url, ChatCompletionBody Body);

/// <summary>A chat-completions request body, as the OpenAI adapter of Microsoft.Extensions.AI sends it for a live request.</summary>
internal sealed record ChatCompletionBody
{
    public required string Model { get; init; }

    public required IReadOnlyList<ChatMessageBody> Messages { get; init; }

    public ResponseFormatBody? ResponseFormat { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public int? MaxCompletionTokens { get; init; }

    public float? FrequencyPenalty { get; init; }

    public float? PresencePenalty { get; init; }

    public long? Seed { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    public string? ReasoningEffort { get; init; }
}

internal sealed record ChatMessageBody(string Role, string Content);

internal sealed record ResponseFormatBody(string Type, JsonSchemaBody? JsonSchema);

internal sealed record JsonSchemaBody(string Name, string? Description, JsonElement Schema);

internal sealed record CreateBatchBody(string InputFileId, string Endpoint, string CompletionWindow);

internal sealed record FileObject(string Id);

/// <summary>A batch's state as <c>GET /v1/batches/{id}</c> reports it.</summary>
internal sealed record BatchObject
{
    public required string Id { get; init; }

    public required string Status { get; init; }

    public string? OutputFileId { get; init; }

    public string? ErrorFileId { get; init; }

    public BatchRequestCounts? RequestCounts { get; init; }

    public BatchErrorList? Errors { get; init; }
}

internal sealed record BatchRequestCounts(int Total, int Completed, int Failed);

internal sealed record BatchErrorList(IReadOnlyList<ApiError>? Data);

internal sealed record ApiError(string? Code, string? Message, int? Line);

internal sealed record ApiErrorEnvelope(ApiError? Error);

/// <summary>One line of a batch's output or error file.</summary>
internal sealed record BatchResultLine(string? CustomId, BatchResultResponse? Response, ApiError? Error);

internal sealed record BatchResultResponse(int StatusCode, JsonElement Body);

internal sealed record ChatCompletionResult(IReadOnlyList<ChatChoice>? Choices, ChatUsage? Usage);

internal sealed record ChatChoice(ChatChoiceMessage? Message, string? FinishReason);

internal sealed record ChatChoiceMessage(string? Content, string? Refusal);

internal sealed record ChatUsage(long PromptTokens, long CompletionTokens);
