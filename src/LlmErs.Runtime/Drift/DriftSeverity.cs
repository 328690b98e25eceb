namespace LlmErs;

/// <summary>How far a run has drifted from the previous one; the numeric value is the command line's exit code.</summary>
public enum DriftSeverity
{
    /// <summary>Nothing crossed a threshold (exit code 0).</summary>
    None = 0,

    /// <summary>A warning threshold was crossed (exit code 1).</summary>
    Warn = 1,

    /// <summary>An alert threshold was crossed, or the columns changed (exit code 2).</summary>
    Alert = 2,
}
