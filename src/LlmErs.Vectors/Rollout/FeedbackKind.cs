namespace LlmErs.Vectors;

/// <summary>What a user did with a recommendation they were shown.</summary>
public enum FeedbackKind
{
    /// <summary>The user clicked (opened, played) a shown item.</summary>
    Click,

    /// <summary>The user converted (bought, watched to the end) on a shown item; a conversion implies a click.</summary>
    Conversion,
}
