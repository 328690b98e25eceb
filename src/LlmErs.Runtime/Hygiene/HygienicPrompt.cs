namespace LlmErs.Hygiene;

/// <summary>A rendered prompt after cleaning: the text to send, and whether it had to be cut to its token budget.</summary>
internal readonly record struct HygienicPrompt(string Text, bool Truncated);
