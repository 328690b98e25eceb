namespace LlmErs.Recommenders;

/// <summary>Which model type a model file holds; stored in its header so a file is never loaded as the wrong type.</summary>
internal enum ModelKind
{
    /// <summary>A <see cref="FactorModel"/>: BPR, embedding-initialized BPR, or their distilled variants.</summary>
    Factor = 1,

    /// <summary>A <see cref="TwoTowerModel"/>, distilled or not.</summary>
    TwoTower = 2,

    /// <summary>A <see cref="SequentialModel"/>.</summary>
    Sequential = 3,
}
