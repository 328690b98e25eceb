namespace LlmErs.Local;

/// <summary>The model input of one text: its word-piece ids, <c>[CLS] … [SEP]</c>, and whether the text was cut to fit.</summary>
/// <param name="Ids">The ids the model reads, at most <see cref="MiniLmTokens.MaxTokens"/> of them.</param>
/// <param name="Truncated">Whether the text had more tokens than the model reads; its vector describes only the beginning.</param>
internal readonly record struct TokenizedText(long[] Ids, bool Truncated);
