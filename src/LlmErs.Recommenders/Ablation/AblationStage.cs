namespace LlmErs.Recommenders;

/// <summary>Where a row of the ablation is, in an <see cref="AblationProgress"/> report.</summary>
public enum AblationStage
{
    /// <summary>The model is training; reported at the start and after each epoch (<see cref="AblationProgress.Epoch"/>).</summary>
    Training,

    /// <summary>The trained model is being evaluated on the test part.</summary>
    Evaluating,

    /// <summary>The row is complete (<see cref="AblationProgress.Result"/>).</summary>
    Finished,
}
