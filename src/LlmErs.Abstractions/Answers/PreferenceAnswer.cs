namespace LlmErs;

/// <summary>A valid answer of kind <see cref="AnswerKind.Preference"/>: two different candidate keys.</summary>
/// <param name="Liked">The candidate the user would most likely enjoy.</param>
/// <param name="Disliked">The candidate the user would least likely enjoy.</param>
public readonly record struct PreferenceAnswer(string Liked, string Disliked);
