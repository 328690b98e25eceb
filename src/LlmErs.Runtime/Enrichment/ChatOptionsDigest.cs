using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// The canonical text of the chat options that change answers — sampling, limits, reasoning, provider-specific
/// properties — and of the structured-output mode. It is part of every cache key; options that only affect transport
/// (tools, conversation ids, continuation tokens) are left out.
/// </summary>
internal static class ChatOptionsDigest
{
    public static string Compute(ChatOptions? options, StructuredOutputMode mode)
    {
        var builder = new StringBuilder("mode=").Append(mode);
        if (options is not null)
        {
            Append(builder, "temperature", options.Temperature);
            Append(builder, "top_p", options.TopP);
            Append(builder, "top_k", options.TopK);
            Append(builder, "max_output_tokens", options.MaxOutputTokens);
            Append(builder, "frequency_penalty", options.FrequencyPenalty);
            Append(builder, "presence_penalty", options.PresencePenalty);
            Append(builder, "seed", options.Seed);
            Append(builder, "reasoning_effort", options.Reasoning?.Effort);
            Append(builder, "reasoning_output", options.Reasoning?.Output);
            Append(builder, "instructions", options.Instructions);
            if (options.StopSequences is { Count: > 0 } stops)
            {
                Append(builder, "stop", string.Join('\u001f', stops));
            }

            if (options.AdditionalProperties is { Count: > 0 } properties)
            {
                foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Append(builder, "extra." + name, value);
                }
            }
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, object? value)
    {
        if (value is not null)
        {
            builder.Append('\u001e').Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
