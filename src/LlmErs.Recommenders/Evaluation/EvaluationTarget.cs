namespace LlmErs.Recommenders;

/// <summary>Which part of a <see cref="DataSplit"/> evaluation scores, and therefore which history it masks.</summary>
public enum EvaluationTarget
{
    /// <summary>The validation log, with each user's training items masked: for model selection and early stopping.</summary>
    Validation,

    /// <summary>The test log, with each user's training and validation items masked: the final numbers.</summary>
    Test,
}
