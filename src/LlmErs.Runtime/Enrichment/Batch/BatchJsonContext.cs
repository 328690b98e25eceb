using System.Text.Encodings.Web;
using System.Text.Json;
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
internal sealed partial class BatchJsonContext : JsonSerializerContext
{
    /// <summary>
    /// For input files: item text in any script stays as written instead of six-byte escapes, so files stay readable and
    /// far below the API's size limit; the text is a JSON string value, never HTML.
    /// </summary>
    public static BatchJsonContext InputFiles { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
