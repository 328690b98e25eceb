namespace LlmErs.Vectors;

/// <summary>
/// Lloyd's k-means with k-means++ seeding, reproducible bit for bit: distances come from
/// <see cref="DeterministicMath"/>, random draws from <see cref="SplitMix64"/>, and every sum is taken in item order,
/// so neither the machine nor the number of threads changes the result.
/// </summary>
internal static class KMeans
{
    /// <summary>Fits <paramref name="k"/> centroids (row-major) to the <c>data.Length / dimension</c> rows of <paramref name="data"/>.</summary>
    public static float[] Fit(float[] data, int dimension, int k, ulong seed, int maxIterations, ParallelOptions parallel)
    {
        var count = data.Length / dimension;
        var centroids = Seed(data, dimension, k, seed, parallel);
        var assignments = new int[count];
        var distances = new float[count];
        Array.Fill(assignments, -1);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = Assign(data, dimension, centroids, assignments, distances, parallel);
            if (changed == 0)
            {
                break;
            }

            Update(data, dimension, centroids, assignments, distances, parallel);
        }

        return centroids;
    }

    /// <summary>Assigns each row its nearest centroid and returns how many assignments changed.</summary>
    public static int Assign(float[] data, int dimension, float[] centroids, int[] assignments, float[] distances, ParallelOptions parallel)
    {
        var changed = 0;
        Parallel.For(0, assignments.Length, parallel, () => 0, (row, _, local) =>
        {
            var nearest = DeterministicMath.Nearest(data.AsSpan(row * dimension, dimension), centroids, out distances[row]);
            if (nearest == assignments[row])
            {
                return local;
            }

            assignments[row] = nearest;
            return local + 1;
        }, local => Interlocked.Add(ref changed, local));
        return changed;
    }

    /// <summary>k-means++: the first centroid uniformly at random, each next one with probability proportional to the squared distance to the nearest chosen one.</summary>
    private static float[] Seed(float[] data, int dimension, int k, ulong seed, ParallelOptions parallel)
    {
        var count = data.Length / dimension;
        var random = new SplitMix64(seed);
        var centroids = new float[k * dimension];
        var nearest = new float[count];
        Array.Fill(nearest, float.PositiveInfinity);
        var chosen = count == 0 ? -1 : random.NextInt32(count);
        for (var c = 0; c < k && chosen >= 0; c++)
        {
            var centroid = centroids.AsSpan(c * dimension, dimension);
            data.AsSpan(chosen * dimension, dimension).CopyTo(centroid);
            var centroidArray = centroid.ToArray();
            Parallel.For(0, count, parallel, row =>
            {
                nearest[row] = MathF.Min(nearest[row], DeterministicMath.SquaredDistance(data.AsSpan(row * dimension, dimension), centroidArray));
            });

            chosen = SampleBySquaredDistance(nearest, ref random);
        }

        // Fewer distinct rows than centroids: the unfilled centroids stay at the origin and may end up unused.
        return centroids;
    }

    /// <summary>A row drawn with probability proportional to <paramref name="weights"/>, or -1 when all are zero.</summary>
    private static int SampleBySquaredDistance(float[] weights, ref SplitMix64 random)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total <= 0)
        {
            return -1;
        }

        var target = random.NextDouble() * total;
        var cumulative = 0.0;
        for (var row = 0; row < weights.Length; row++)
        {
            cumulative += weights[row];
            if (cumulative > target && weights[row] > 0)
            {
                return row;
            }
        }

        // Rounding left the target at the very end: take the last row that has weight.
        return Array.FindLastIndex(weights, weight => weight > 0);
    }

    /// <summary>Moves each centroid to the mean of its rows; an empty centroid moves to the row farthest from its own centroid.</summary>
    private static void Update(float[] data, int dimension, float[] centroids, int[] assignments, float[] distances, ParallelOptions parallel)
    {
        var k = centroids.Length / dimension;

        // Members of each centroid in row order (a counting sort), so each mean is summed in the same order every run.
        var starts = new int[k + 1];
        foreach (var assignment in assignments)
        {
            starts[assignment + 1]++;
        }

        for (var c = 0; c < k; c++)
        {
            starts[c + 1] += starts[c];
        }

        var members = new int[assignments.Length];
        var next = starts[..k];
        for (var row = 0; row < assignments.Length; row++)
        {
            members[next[assignments[row]]++] = row;
        }

        Parallel.For(0, k, parallel, c =>
        {
            if (starts[c] == starts[c + 1])
            {
                return;
            }

            var sum = new double[dimension];
            for (var m = starts[c]; m < starts[c + 1]; m++)
            {
                var row = data.AsSpan(members[m] * dimension, dimension);
                for (var d = 0; d < dimension; d++)
                {
                    sum[d] += row[d];
                }
            }

            var size = starts[c + 1] - starts[c];
            var centroid = centroids.AsSpan(c * dimension, dimension);
            for (var d = 0; d < dimension; d++)
            {
                centroid[d] = (float)(sum[d] / size);
            }
        });

        ReseedEmpty(data, dimension, centroids, starts, distances);
    }

    private static void ReseedEmpty(float[] data, int dimension, float[] centroids, int[] starts, float[] distances)
    {
        var k = centroids.Length / dimension;
        for (var c = 0; c < k; c++)
        {
            if (starts[c] != starts[c + 1])
            {
                continue;
            }

            var farthest = -1;
            for (var row = 0; row < distances.Length; row++)
            {
                if (distances[row] > 0 && (farthest < 0 || distances[row] > distances[farthest]))
                {
                    farthest = row;
                }
            }

            if (farthest < 0)
            {
                return;
            }

            data.AsSpan(farthest * dimension, dimension).CopyTo(centroids.AsSpan(c * dimension, dimension));
            distances[farthest] = 0;
        }
    }
}
