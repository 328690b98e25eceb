using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// Gives every <see cref="SemanticIdAttribute"/> field of a catalog its IDs: trains residual k-means on the source
/// embedding field's vectors (so run it after the embedding stage) and stores the de-duplicated IDs on the items. A
/// field that leaves <c>Levels</c> or <c>Codes</c> out gets them from the catalog size (<see cref="SemanticIdSize.ForCatalog"/>).
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
    /// codebook uses one code per item at most. To keep IDs across runs, use the <see cref="OfflinePipeline{TItem}"/>,
    /// which saves each codebook and reuses it.
    /// </remarks>
    public static IReadOnlyList<SemanticIdAssignment> Assign<T>(IReadOnlyList<T> items, ulong seed = 42, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        var assignments = new List<SemanticIdAssignment>();
        if (items.Count == 0)
        {
            return assignments;
        }

        foreach (var field in T.EnrichmentModel.SemanticIdFields)
        {
            using var matrix = SourceVectors(field, items);
            var codebook = Train(field, matrix, seed, cancellationToken);
            var encoding = codebook.EncodeAll(matrix, DeduplicationMode.OnCollision, cancellationToken);
            SetIds(field, items, encoding);
            assignments.Add(new SemanticIdAssignment(field.Name, codebook, encoding.Quality));
        }

        return assignments;
    }

    /// <summary>
    /// Assigns <paramref name="field"/>'s IDs keeping those of the previous run in <paramref name="directory"/>: its saved
    /// codebook encodes the items unless <paramref name="retrain"/> is set or it no longer fits the field, and an item
    /// whose vector still maps to the codes of its earlier ID keeps that ID.
    /// </summary>
    internal static SemanticIdRun AssignKeeping<T>(
        SemanticIdField<T> field, IReadOnlyList<T> items, IReadOnlyList<string> keys, string directory, bool retrain, ulong seed, CancellationToken cancellationToken)
        where T : IEnrichable<T>
    {
        using var matrix = SourceVectors(field, items);
        var codebookPath = CodebookPath(directory, field.Name);
        var historyPath = SemanticIdHistory.PathOf(directory, field.Name);
        var history = SemanticIdHistory.Read(historyPath, field.Name);
        var saved = File.Exists(codebookPath) ? SemanticIdCodebook.Load(codebookPath) : null;
        var because = retrain ? $"asked ({nameof(OfflinePipelineOptions)}.{nameof(OfflinePipelineOptions.RetrainSemanticIds)})"
            : saved is null ? "no saved codebook"
            : Misfit(field, saved, matrix.Dimension, items.Count, history.Values);
        var codebook = because is null ? saved! : Train(field, matrix, seed, cancellationToken);

        // A new codebook gives codes another meaning: earlier IDs can neither be kept nor reserved.
        var current = new HashSet<string>(keys, StringComparer.Ordinal);
        SemanticId[] previous = because is null ? [.. keys.Select(key => history.GetValueOrDefault(key))] : [];
        var retired = because is null ? history.Where(entry => !current.Contains(entry.Key)).ToList() : [];
        var encoding = codebook.EncodeAll(matrix, previous, retired.Select(entry => entry.Value), DeduplicationMode.OnCollision, cancellationToken);
        SetIds(field, items, encoding);

        var changed = new List<SemanticIdChange>();
        var kept = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (history.TryGetValue(keys[i], out var before))
            {
                if (before == encoding.Ids[i])
                {
                    kept++;
                }
                else
                {
                    changed.Add(new SemanticIdChange(keys[i], before.ToString(), encoding.Ids[i].ToString()));
                }
            }
        }

        var changes = new SemanticIdChanges
        {
            Retrained = because is not null,
            RetrainedBecause = because,
            Levels = codebook.Levels,
            Codes = codebook.Codes,
            Kept = kept,
            Added = keys.Count(key => !history.ContainsKey(key)),
            Removed = history.Keys.Count(key => !current.Contains(key)),
            Changed = changed,
        };
        var ids = keys.Select((key, i) => KeyValuePair.Create(key, encoding.Ids[i])).Concat(retired);
        return new SemanticIdRun(new SemanticIdAssignment(field.Name, codebook, encoding.Quality), changes, codebookPath, historyPath,
            SemanticIdHistory.Serialize(field.Name, ids));
    }

    internal static string CodebookPath(string directory, string field) => Path.Combine(directory, $"{field}.codebook");

    /// <summary>Why <paramref name="saved"/> cannot encode this run's items; <see langword="null"/> when it can.</summary>
    private static string? Misfit<T>(SemanticIdField<T> field, SemanticIdCodebook saved, int dimension, int items, IEnumerable<SemanticId> history)
    {
        if (saved.Dimension != dimension)
        {
            return $"the source vectors have {dimension} values; the saved codebook encodes {saved.Dimension}";
        }

        var declared = SemanticIdSize.ForCatalog(items, field.Levels, field.Codes);
        if ((field.Levels != 0 && declared.Levels != saved.Levels) || (field.Codes != 0 && declared.Codes != saved.Codes))
        {
            return $"the declared size ({declared.Levels} levels of {declared.Codes} codes) differs from the saved codebook's ({saved.Levels} of {saved.Codes})";
        }

        return history.Any(id => id.Length != saved.Levels && id.Length != saved.Levels + 1)
            ? "the saved IDs do not have the saved codebook's levels"
            : null;
    }

    private static SemanticIdCodebook Train<T>(SemanticIdField<T> field, VectorMatrix matrix, ulong seed, CancellationToken cancellationToken)
    {
        var size = SemanticIdSize.ForCatalog(matrix.Count, field.Levels, field.Codes);
        return RqKMeans.Train(matrix, new RqKMeansOptions { Levels = size.Levels, Codes = size.Codes, Seed = seed }, cancellationToken);
    }

    private static VectorMatrix SourceVectors<T>(SemanticIdField<T> field, IReadOnlyList<T> items)
        where T : IEnrichable<T>
    {
        var model = T.EnrichmentModel;
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

        return VectorMatrix.Create(values, source.Dimensions);
    }

    private static void SetIds<T>(SemanticIdField<T> field, IReadOnlyList<T> items, SemanticIdEncoding encoding)
    {
        for (var i = 0; i < items.Count; i++)
        {
            field.SetId(items[i], encoding.Ids[i]);
        }
    }
}
