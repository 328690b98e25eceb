using System.Text.Json.Serialization;

namespace LlmErs;

/// <summary>The Batch and Files API's wire format: snake_case, nulls left out (the API rejects some explicit nulls).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchRequestLine))]
[JsonSerializable(typeof(CreateBatchBody))]
[JsonSerializable(typeof(FileObject))]
[JsonSerializable(typeof(BatchObject))]
[JsonSerializable(typeof(ApiErrorEnvelope))]
[JsonSerializable(typeof(BatchResultLine))]
[JsonSerializable(typeof(ChatCompletionResult))]
[JsonSerializable(typeof(BatchLedger))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
