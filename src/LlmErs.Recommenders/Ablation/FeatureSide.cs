namespace LlmErs.Recommenders;

/// <summary>Which tower a <see cref="FeatureBlock"/> feeds.</summary>
public enum FeatureSide
{
    /// <summary>One row per item of the split: the item tower (and the models that read item features).</summary>
    Item,

    /// <summary>One row per user of the split, e.g. an embedded LLM-written profile: the user tower of the two-tower models.</summary>
    User,
}
