using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// Gives every <see cref="SemanticIdAttribute"/> field of a catalog its IDs: trains residual k-means on the source
/// embedding field's vectors (so run it after the embedding stage) and stores the de-duplicated IDs on the items.
/// </summary>
public static class SemanticIdStage
{
    /// <summary>Trains a codebook per semantic-ID field and assigns every item its ID.</summary>
    /// <param name="items">The catalog, with its embedding fields computed.</param>
    /// <param name="seed">The k-means seed: the same vectors and seed give the same IDs on any machine.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <exception cref="InvalidOperationException">An item's source vector is missing or of the wrong length.</exception>
    /// <remarks>
    /// A level cannot have more codes than there are items; for a catalog smaller than the declared <c>Codes</c>, the
    /// codebook uses one code per item at most.
    /// </remarks>
    public static IReadOnlyList<SemanticIdAssignment> Assign<T>(IReadOnlyList<T> items, ulong seed = 42, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        var model = T.EnrichmentModel;
        var assignments = new List<SemanticIdAssignment>();
        foreach (var field in model.SemanticIdFields)
        {
            if (items.Count == 0)
            {
                continue;
            }

            var source = (EmbeddingField<T>)model.Field(field.Source);
            var values = new float[items.Count * source.Dimensions];
            for (var i = 0; i < items.Count; i++)
            {
                var vector = source.GetVector(items[i]).Span;
                if (vector.Length != source.Dimensions)
                {
                    throw new InvalidOperationException(
                        $"{source} of item '{model.KeyOf(items[i])}' has {vector.Length} values instead of {source.Dimensions}; " +
                        $"run the embedding stage before assigning {field}.");
                }

                vector.CopyTo(values.AsSpan(i * source.Dimensions));
            }

            using var matrix = VectorMatrix.Create(values, source.Dimensions);
            var options = new RqKMeansOptions { Levels = field.Levels, Codes = Math.Min(field.Codes, items.Count), Seed = seed };
            var codebook = RqKMeans.Train(matrix, options, cancellationToken);
            var encoding = codebook.EncodeAll(matrix, DeduplicationMode.OnCollision, cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                field.SetId(items[i], encoding.Ids[i]);
            }

            assignments.Add(new SemanticIdAssignment(field.Name, codebook, encoding.Quality));
        }

        return assignments;
    }
}
