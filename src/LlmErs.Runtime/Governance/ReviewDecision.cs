namespace LlmErs;

/// <summary>A reviewer's decision on a quarantined value, in the review file.</summary>
public enum ReviewDecision
{
    /// <summary>The value becomes a feature (status <c>ok</c>), as the model wrote it.</summary>
    Accept,

    /// <summary>The reviewer's <c>replacement</c> becomes the feature, after the field's own validation.</summary>
    Replace,

    /// <summary>The value stays quarantined.</summary>
    Reject,
}
