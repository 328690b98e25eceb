namespace LlmErs.Recommenders;

/// <summary>
/// The parts of a trained two-tower model that encode users and items from features, beyond the evaluated towers:
/// what <see cref="TwoTowerModel.EncodeItem"/> and a serving user tower for new users need.
/// </summary>
/// <param name="Projection">W: item features × dimension, row-major.</param>
/// <param name="FeatureDimension">The number of item features.</param>
/// <param name="ProjectedItemFeatures">
/// <c>Wᵀ f_i</c> for every item, row-major: the user tower's history term is their mean over the history, so serving
/// needs these rows, not the features.
/// </param>
/// <param name="UserProjection">W_g: user features × dimension, row-major; empty without user features.</param>
/// <param name="UserFeatureDimension">The number of user features; 0 when the model was trained without them.</param>
internal sealed record TwoTowerWeights(float[] Projection, int FeatureDimension, float[] ProjectedItemFeatures, float[] UserProjection, int UserFeatureDimension);
