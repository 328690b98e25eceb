using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>Tokens consumed by model requests.</summary>
/// <param name="InputTokens">Prompt tokens, as reported by the provider.</param>
/// <param name="OutputTokens">Answer tokens, as reported by the provider.</param>
public readonly record struct TokenUsage(long InputTokens, long OutputTokens)
{
    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>The sum of two usages.</summary>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) =>
        new(left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens);

    internal static TokenUsage From(UsageDetails? usage) =>
        usage is null ? default : new(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);
}
