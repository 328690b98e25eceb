using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Weighted means over users and their percentile bootstrap intervals. Each resample draws as many users as there
/// are, with replacement, from its own random stream, so results do not depend on thread count or scheduling.
/// </summary>
internal static class UserBootstrap
{
    /// <summary>Estimates every metric from per-user values and weights (row-major: user, then metric).</summary>
    /// <param name="values">Each user's value of each metric.</param>
    /// <param name="weights">Each user's weight for each metric; 0 leaves the user out of that metric.</param>
    /// <param name="metricCount">The number of metrics (columns).</param>
    /// <param name="options">Resamples, confidence level and seed.</param>
    /// <param name="stream">Distinguishes the random streams of different slices.</param>
    /// <param name="parallelOptions">Threading and cancellation.</param>
    public static MetricEstimate[] Estimate(double[] values, double[] weights, int metricCount, BootstrapOptions options, int stream, ParallelOptions parallelOptions)
    {
        var users = values.Length / metricCount;

        // Weighted values, with 0 where the weight is 0 (the value may then be NaN), so one pass sums both.
        var weighted = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            weighted[i] = weights[i] > 0 ? weights[i] * values[i] : 0;
        }

        var everyone = new int[users];
        Array.Fill(everyone, 1);
        var point = new double[metricCount];
        WeightedMeans(weighted, weights, everyone, point);
        var estimates = new MetricEstimate[metricCount];
        for (var m = 0; m < metricCount; m++)
        {
            estimates[m] = new MetricEstimate(point[m], double.NaN, double.NaN);
        }

        if (options.Resamples == 0 || users == 0)
        {
            return estimates;
        }

        var samples = new double[metricCount][];
        for (var m = 0; m < metricCount; m++)
        {
            samples[m] = new double[options.Resamples];
        }

        Parallel.For(
            0,
            options.Resamples,
            parallelOptions,
            () => (Draws: new int[users], Means: new double[metricCount]),
            (resample, _, local) =>
            {
                Array.Clear(local.Draws);
                var random = new SplitMix64(StreamSeed(options.Seed, stream, resample));
                for (var i = 0; i < users; i++)
                {
                    local.Draws[random.NextInt32(users)]++;
                }

                WeightedMeans(weighted, weights, local.Draws, local.Means);
                for (var m = 0; m < metricCount; m++)
                {
                    samples[m][resample] = local.Means[m];
                }

                return local;
            },
            static _ => { });

        var tail = (1 - options.ConfidenceLevel) / 2;
        for (var m = 0; m < metricCount; m++)
        {
            var defined = samples[m].Where(double.IsFinite).Order().ToArray();
            if (defined.Length > 0)
            {
                estimates[m] = estimates[m] with { Lower = Percentile(defined, tail), Upper = Percentile(defined, 1 - tail) };
            }
        }

        return estimates;
    }

    /// <summary>The <paramref name="q"/>-quantile of sorted values, interpolating linearly between order statistics (type 7).</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>Each metric's weighted mean over the users drawn <paramref name="multiplicity"/> times each; NaN where no weight remains.</summary>
    private static void WeightedMeans(double[] weighted, double[] weights, int[] multiplicity, double[] means)
    {
        var metricCount = means.Length;
        Span<double> totals = metricCount <= 64 ? stackalloc double[metricCount] : new double[metricCount];
        means.AsSpan().Clear();
        for (var user = 0; user < multiplicity.Length; user++)
        {
            var times = multiplicity[user];
            if (times == 0)
            {
                continue;
            }

            var row = user * metricCount;
            for (var m = 0; m < metricCount; m++)
            {
                means[m] += times * weighted[row + m];
                totals[m] += times * weights[row + m];
            }
        }

        for (var m = 0; m < metricCount; m++)
        {
            means[m] = totals[m] > 0 ? means[m] / totals[m] : double.NaN;
        }
    }

    // Seed in the top 32 bits, slice in the next 12, resample in the low 20 (BootstrapOptions.MaxResamples).
    private static ulong StreamSeed(int seed, int stream, int resample) =>
        ((ulong)(uint)seed << 32) | ((ulong)(uint)(stream & 0xFFF) << 20) | (uint)resample;
}
