namespace LlmErs;

/// <summary>One item a listwise teacher ranks: a key the answer names it by, and the text the model reads (e.g. title and genres).</summary>
/// <param name="Key">A short key, unique within the request (e.g. the item id).</param>
/// <param name="Text">What the model reads about the item.</param>
public sealed record TeacherCandidate(string Key, string Text);
