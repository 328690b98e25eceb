namespace LlmErs.Recommenders;

/// <summary>What an <see cref="AblationRow"/> measures.</summary>
public enum AblationRowKind
{
    /// <summary>A baseline model.</summary>
    Baseline,

    /// <summary>An enhanced variant with every feature block.</summary>
    Enhanced,

    /// <summary>An enhanced variant with one feature block removed (<see cref="AblationRow.RemovedBlock"/>): what that block contributes.</summary>
    BlockRemoved,
}
