using System.Numerics.Tensors;

namespace LlmErs;

/// <summary>
/// Vectors: MMD² with its permutation p-value (alerts below <see cref="DriftOptions.MmdPValue"/>), and the centroids'
/// cosine distance, shown for context only: a well-spread embedding's centroid lies near the origin, where its
/// direction is noise.
/// </summary>
internal static class EmbeddingDrift
{
    public static IReadOnlyList<DriftMetric> Compare(object?[] old, object?[] @new, DriftOptions options, List<string> notes)
    {
        var before = old.OfType<float[]>().Where(v => v.Length > 0).ToList();
        var after = @new.OfType<float[]>().Where(v => v.Length > 0).ToList();
        if (before.Count < 2 || after.Count < 2)
        {
            notes.Add("fewer than two vectors in a run: not compared");
            return [];
        }

        if (before[0].Length != after[0].Length)
        {
            notes.Add($"dimensions changed from {before[0].Length} to {after[0].Length}");
            return [new DriftMetric("dimensions", after[0].Length - before[0].Length, before[0].Length, after[0].Length, DriftSeverity.Alert, "alert on any change")];
        }

        var random = new Random(options.Seed);
        var (mmd2, p) = MaximumMeanDiscrepancy.Test(Sample(before, options, random), Sample(after, options, random), options.Permutations, random);
        return
        [
            new DriftMetric("MMD²", mmd2, null, null, p < options.MmdPValue ? DriftSeverity.Alert : DriftSeverity.None,
                $"alert when p < {DriftMetrics.Format(options.MmdPValue)} ({options.Permutations} permutations)", p),
            DriftMetrics.Shown("centroid cosine distance", 1 - TensorPrimitives.CosineSimilarity<float>(Centroid(before), Centroid(after))),
        ];
    }

    private static IReadOnlyList<float[]> Sample(List<float[]> vectors, DriftOptions options, Random random)
    {
        if (vectors.Count <= options.MaxEmbeddingSample)
        {
            return vectors;
        }

        var copy = vectors.ToArray();
        random.Shuffle(copy);
        return copy[..options.MaxEmbeddingSample];
    }

    private static float[] Centroid(List<float[]> vectors)
    {
        var sum = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            TensorPrimitives.Add(sum, vector, sum);
        }

        TensorPrimitives.Divide(sum, vectors.Count, sum);
        return sum;
    }
}
