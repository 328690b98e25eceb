
namespace LlmErs.Recommenders;

/// <summary>
/// What a model contributes to <see cref="BprTrainer{TModel}"/>: the user and item vectors it scores a batch with, and
/// the optimizer step once the trainer has the loss gradients with respect to those vectors. Everything else — sampling,
/// the BPR and distillation losses, regularization, early stopping — is the trainer's, the same for every model.
/// </summary>
/// <typeparam name="TModel">The scorer a snapshot of the parameters becomes.</typeparam>
internal interface IEmbeddingModel<out TModel>
    where TModel : IItemScorer
{
    /// <summary>
    /// Writes the user vector of each triple to row t of <paramref name="userVectors"/> (a model may let it depend on
    /// the triple's item i) and the vector of each item slot to row s of <paramref name="itemVectors"/>.
    /// </summary>
    void Encode(TripleBatch batch, float[] userVectors, float[] itemVectors);

    /// <summary>Takes one optimizer step from the loss gradients with respect to the vectors <see cref="Encode"/> wrote.</summary>
    void Update(TripleBatch batch, float[] userGradients, float[] itemGradients);

    /// <summary>A scorer with a copy of the current parameters, unaffected by further training.</summary>
    TModel Snapshot();
}
