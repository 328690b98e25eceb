using System.Text;
using Microsoft.ML.Tokenizers;

namespace LlmErs;

/// <summary>
/// Counts and trims text in o200k tokens (the GPT-4o family's encoding), the yardstick of prompt budgets,
/// token rate limits and dry-run estimates. Other models' tokenizers differ by a few percent, which these uses tolerate.
/// </summary>
internal static class TokenCounter
{
    private static readonly Lazy<Tokenizer> s_tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : s_tokenizer.Value.CountTokens(text);

    /// <summary>Keeps the longest prefix of <paramref name="text"/> that fits in <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string text, int maxTokens, out bool truncated)
    {
        // A token spans at least one UTF-8 byte, so text no longer in bytes than the budget fits without a tokenizer pass.
        if (Encoding.UTF8.GetByteCount(text) <= maxTokens)
        {
            truncated = false;
            return text;
        }

        var end = s_tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        truncated = end < text.Length;
        return truncated ? text[..end] : text;
    }
}
