using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The content-only baseline, with no training: a user's vector is the mean of the unit-length embeddings of the items
/// in their history, and an item scores the cosine similarity of its embedding with it. It is what text embeddings
/// alone achieve, and a natural distillation teacher (<see cref="DistillationOptions.Teacher"/>).
/// </summary>
/// <remarks>Users without history get a zero vector, so every item scores 0 for them.</remarks>
public static class ContentBaseline
{
    /// <summary>Builds the baseline from the interactions and one embedding per item.</summary>
    /// <param name="feedback">The positive interactions, whose items make each user's history.</param>
    /// <param name="itemEmbeddings">One embedding per item (e.g. of its title and genres), in item-index order.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="itemEmbeddings"/> does not have one row per item, or holds a value that is not a finite number.
    /// </exception>
    public static FactorModel Create(UserItemMatrix feedback, VectorMatrix itemEmbeddings)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        TrainingGuards.ThrowIfNotOnePerRow(itemEmbeddings, feedback.ItemCount, "item embeddings", nameof(itemEmbeddings));
        var dimension = itemEmbeddings.Dimension;
        var items = new float[feedback.ItemCount * dimension];
        for (var item = 0; item < feedback.ItemCount; item++)
        {
            VectorMath.Normalize(itemEmbeddings.GetRow(item), items.AsSpan(item * dimension, dimension));
        }

        var users = new float[feedback.UserCount * dimension];
        for (var user = 0; user < feedback.UserCount; user++)
        {
            var vector = users.AsSpan(user * dimension, dimension);
            foreach (var item in feedback.ItemsOf(user))
            {
                VectorOps.AddScaled(vector, items.AsSpan(item * dimension, dimension), 1f);
            }

            // Unit length makes the scores cosines, so a distillation temperature means the same for every user.
            VectorMath.Normalize(vector);
        }

        return new FactorModel(users, items, dimension);
    }
}
