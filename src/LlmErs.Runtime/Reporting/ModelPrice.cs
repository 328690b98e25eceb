
namespace LlmErs;

/// <summary>A model's price, in any currency, per million tokens.</summary>
/// <param name="InputPerMillionTokens">Price of one million prompt tokens.</param>
/// <param name="OutputPerMillionTokens">Price of one million answer tokens.</param>
public sealed record ModelPrice(decimal InputPerMillionTokens, decimal OutputPerMillionTokens)
{
    /// <summary>The cost of <paramref name="usage"/>.</summary>
    public decimal CostOf(TokenUsage usage) =>
        (usage.InputTokens * InputPerMillionTokens + usage.OutputTokens * OutputPerMillionTokens) / 1_000_000m;
}
