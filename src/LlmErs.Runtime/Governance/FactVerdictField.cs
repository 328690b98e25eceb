using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LlmErs;

/// <summary>The judge's field: a verdict and the offending claim, as <c>{"value": {"verdict": …, "claim": …}}</c>.</summary>
internal sealed class FactVerdictField() : LlmField<FactClaim, FactVerdict?>(
    "Verdict", FieldKind.Value, "llmers-fact-check-v1", [], Schema, AnswerConstraints.String(allowsUnknown: false), JudgeInstructions, null)
{
    private const string Schema = """
        {"type":"object","properties":{"value":{"type":"object","properties":{"verdict":{"type":"string","enum":["supported","unsupported","contradicted"]},"claim":{"type":["string","null"]}},"required":["verdict","claim"],"additionalProperties":false}},"required":["value"],"additionalProperties":false}
        """;

    private const string JudgeInstructions =
        "You check a generated text against the source it was written from. Answer \"supported\" when every claim in the " +
        "text follows from the source, \"unsupported\" when a claim is not in the source, and \"contradicted\" when a claim " +
        "contradicts it; for those two, quote the first such claim in \"claim\".";

    public override string RenderPrompt(FactClaim item) => $"Source:\n{item.Source}\n\nGenerated text:\n{item.Text}";

    public override AnswerResult<FactVerdict?> Parse(string answerJson)
    {
        try
        {
            using var document = JsonDocument.Parse(answerJson);
            if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("verdict", out var verdict) || verdict.ValueKind != JsonValueKind.String
                || !Enum.TryParse<FactVerdictKind>(verdict.GetString(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                return AnswerResult<FactVerdict?>.Failure(
                    "The answer must be {\"value\": {\"verdict\": \"supported\" | \"unsupported\" | \"contradicted\", \"claim\": string or null}}.");
            }

            var claim = value.TryGetProperty("claim", out var written) && written.ValueKind == JsonValueKind.String ? written.GetString() : null;
            return kind != FactVerdictKind.Supported && string.IsNullOrWhiteSpace(claim)
                ? AnswerResult<FactVerdict?>.Failure($"The verdict is \"{verdict.GetString()}\"; quote the offending claim in \"claim\".")
                : AnswerResult<FactVerdict?>.Success(new FactVerdict(kind, claim));
        }
        catch (JsonException ex)
        {
            return AnswerResult<FactVerdict?>.Failure($"The answer is not JSON ({ex.Message}).");
        }
    }

    public override string FormatAnswer(FactVerdict? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (value is null)
            {
                writer.WriteNull("value");
            }
            else
            {
                writer.WriteStartObject("value");
                writer.WriteString("verdict", value.Kind.ToString().ToLowerInvariant());
                writer.WriteString("claim", value.Claim);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override FactVerdict? GetValue(FactClaim item) => item.Verdict;

    public override void SetValue(FactClaim item, FactVerdict? value) => item.Verdict = value;
}
