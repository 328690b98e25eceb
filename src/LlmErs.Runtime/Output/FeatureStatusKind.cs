namespace LlmErs;

/// <summary>What a derived field's value in the outputs is worth.</summary>
public enum FeatureStatusKind
{
    /// <summary>Not derived yet: the stage that computes the field has not run.</summary>
    Pending,

    /// <summary>The value is valid.</summary>
    Ok,

    /// <summary>The model answered validly that it cannot tell: the value is null, and that is the answer.</summary>
    Unknown,

    /// <summary>The field could not be derived (or a field it reads could not); its value is withheld.</summary>
    Failed,

    /// <summary>A governance gate held the value back; its value is withheld.</summary>
    Quarantined,
}
