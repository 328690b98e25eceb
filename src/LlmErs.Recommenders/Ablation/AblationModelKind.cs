namespace LlmErs.Recommenders;

/// <summary>How the ablation runs an <see cref="AblationModel"/>.</summary>
public enum AblationModelKind
{
    /// <summary>Trained once, with every feature block if it uses features: a reference point the variants are compared with.</summary>
    Baseline,

    /// <summary>An LLM-enhanced variant: trained with every feature block, then once more per block with that block removed.</summary>
    Enhanced,
}
