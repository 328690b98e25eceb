using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Builds model features straight from enriched items and their field model (<see cref="EnrichmentModel{T}"/>), so the
/// encoding of an answer is never written by hand: the columns follow each field's <see cref="AnswerConstraints"/>.
/// </summary>
/// <example>
/// <code>
/// var model = EnrichmentModel.Of&lt;Movie&gt;();
/// using var slots = FieldFeatures.Answers(movies, [.. model.LlmFields.Where(field => field.Constraints.IsClosed)]);
/// using var content = FieldFeatures.Vectors(movies, (EmbeddingField&lt;Movie&gt;)model.Field("Content"));
/// FeatureBlock[] blocks = [new("LLM slots", slots.Values), new("content", content.Values)];
/// </code>
/// </example>
public static class FieldFeatures
{
    /// <summary>The choice that stands for "no answer" in the column names (<c>Pacing=unknown</c>).</summary>
    public const string Unknown = "unknown";

    /// <summary>The suffix of the indicator column of items without a vector (<c>Content=missing</c>).</summary>
    public const string Missing = "missing";

    /// <summary>
    /// The answers of <paramref name="fields"/> side by side, one row per item of <paramref name="items"/> in its order.
    /// Each field contributes, in order:
    /// <list type="bullet">
    /// <item>tags: a multi-hot, one column per vocabulary entry (<c>Moods=dark</c>);</item>
    /// <item>a choice (normalized vocabulary or enum) or a boolean: a one-hot, one column per choice (<c>Pacing=Fast</c>,
    /// <c>FamilyFriendly=true</c>), plus <c>…=unknown</c> where the field allows no answer;</item>
    /// <item>an integer or a number: its value in one column (<c>Minutes</c>), plus a <c>Minutes=unknown</c> indicator
    /// where the field allows no answer, the value column then holding 0, so a missing value never reads as a real 0.</item>
    /// </list>
    /// Entries match the vocabulary case-insensitively, as the answer reader does. A <see langword="null"/> item (one the
    /// catalog lacks, <see cref="MissingItemPolicy.KeepWithEmptyFeatures"/>) gets a row of zeros.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is empty, or holds a free-text field (text or string), which has no columns: embed it.</exception>
    public static FeatureMatrix Answers<T>(IReadOnlyList<T?> items, params IReadOnlyList<LlmField<T>> fields)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("Give at least one field to encode.", nameof(fields));
        }

        AnswerColumns<T>[] encodings = [.. fields.Select(AnswerColumns<T>.For)];
        string[] names = [.. encodings.SelectMany(encoding => encoding.Names)];
        var values = VectorMatrix.Allocate(items.Count, names.Length);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                continue;
            }

            var row = values.GetWritableRow(i);
            foreach (var encoding in encodings)
            {
                encoding.Write(item, row[..encoding.Names.Count]);
                row = row[encoding.Names.Count..];
            }
        }

        return new FeatureMatrix(values, names);
    }

    /// <summary>
    /// The vectors of an <see cref="EmbeddingField{T}"/>, one row per item of <paramref name="items"/> in its order (columns
    /// <c>Content[0]</c>, <c>Content[1]</c>…); a <see langword="null"/> item (one the catalog lacks) gets a row of zeros.
    /// An item without a vector (the pipeline could not embed it, e.g. because a gate quarantined a field its text reads)
    /// gets a row of zeros too, and the block then ends with a <c>Content=missing</c> column, 1 for those items, so a model
    /// can tell "no vector" from a vector near the origin; <see cref="FeatureMatrix.MissingRows"/> counts them. A block
    /// whose items all have their vector has no such column.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// An item's vector has a length other than <see cref="EmbeddingField{T}.Dimensions"/>, or no item has a vector (the
    /// items were not embedded).
    /// </exception>
    public static FeatureMatrix Vectors<T>(IReadOnlyList<T?> items, EmbeddingField<T> field)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(field);
        var missing = new List<int>();
        var embedded = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                continue;
            }

            var length = field.GetVector(item).Length;
            if (length == 0)
            {
                missing.Add(i);
            }
            else if (length != field.Dimensions)
            {
                throw new InvalidOperationException(
                    $"Item {i} has {length} values in {field}, not {field.Dimensions}; embed every item with the same model before building features.");
            }
            else
            {
                embedded++;
            }
        }

        if (embedded == 0 && missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"None of the {missing.Count} items has a vector in {field}; embed the items (the offline pipeline's embedding stage) before building features.");
        }

        var width = field.Dimensions + (missing.Count > 0 ? 1 : 0);
        var values = VectorMatrix.Allocate(items.Count, width);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                field.GetVector(item).Span.CopyTo(values.GetWritableRow(i));
            }
        }

        foreach (var row in missing)
        {
            values.GetWritableRow(row)[field.Dimensions] = 1;
        }

        string[] names =
        [
            .. Enumerable.Range(0, field.Dimensions).Select(column => $"{field.Name}[{column}]"),
            .. missing.Count > 0 ? [$"{field.Name}={Missing}"] : Array.Empty<string>(),
        ];
        return new FeatureMatrix(values, names, missing.Count);
    }

    /// <summary>
    /// The codes of a <see cref="SemanticIdField{T}"/> as a one-hot per level (columns <c>Sid[0]=12</c>…), one row per
    /// item of <paramref name="items"/> in its order: see <see cref="SemanticIdCodes(IReadOnlyList{SemanticId}, int, int, string)"/>.
    /// A <see langword="null"/> item gets a row of zeros.
    /// </summary>
    /// <exception cref="InvalidOperationException">An item's code is outside the field's codebook (0 to Codes − 1); assign the IDs with the field's codebook.</exception>
    public static FeatureMatrix SemanticIdCodes<T>(IReadOnlyList<T?> items, SemanticIdField<T> field)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(field);
        SemanticId[] ids = [.. items.Select(item => item is null ? default : field.GetId(item))];
        return SemanticIdCodes(ids, field.Levels, field.Codes, field.Name);
    }

    /// <summary>
    /// Semantic IDs as a one-hot per level (columns <c>Sid[0]=12</c>…), one row per ID in order; a de-duplication code
    /// beyond <paramref name="levels"/> is left out, as it only tells colliding items apart. A model's learned
    /// projection of this block is a sum of per-level code embeddings (row c of level l's part of the projection is the
    /// embedding of code c), so an item without interactions shares parameters with the warm items whose codes it
    /// shares. An empty ID (not assigned) gets a row of zeros.
    /// </summary>
    /// <param name="ids">One ID per item, e.g. from <see cref="SemanticIdCodebook.EncodeAll(VectorMatrix, DeduplicationMode, CancellationToken)"/>.</param>
    /// <param name="levels">The quantization levels to encode.</param>
    /// <param name="codes">The codebook size per level.</param>
    /// <param name="name">The column-name prefix.</param>
    /// <exception cref="InvalidOperationException">A code is outside 0 to <paramref name="codes"/> − 1; encode with the codebook the sizes describe.</exception>
    public static FeatureMatrix SemanticIdCodes(IReadOnlyList<SemanticId> ids, int levels, int codes, string name = "Sid")
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(codes, 1);
        var values = VectorMatrix.Allocate(ids.Count, levels * codes);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var row = values.GetWritableRow(i);
            for (var level = 0; level < Math.Min(levels, id.Length); level++)
            {
                var code = id[level];
                if ((uint)code >= (uint)codes)
                {
                    values.Dispose();
                    throw new InvalidOperationException(
                        $"Item {i} has code {code} at level {level} of {name}, outside its {codes} codes; encode the items with the codebook these sizes describe.");
                }

                row[(level * codes) + code] = 1f;
            }
        }

        string[] names = [.. Enumerable.Range(0, levels * codes).Select(column => $"{name}[{column / codes}]={column % codes}")];
        return new FeatureMatrix(values, names);
    }
}
