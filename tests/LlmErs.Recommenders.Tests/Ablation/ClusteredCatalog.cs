using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Ablation;

/// <summary>
/// A log with a known latent structure: items and users fall into clusters, and users mostly pick items of their own
/// cluster. Two feature blocks: "informative" (the item's cluster centre plus a little noise) and "noise" (random
/// values that say nothing about the item). Features follow the item-index order of the log, so of every split of it.
/// </summary>
public sealed class ClusteredCatalog : IDisposable
{
    private readonly VectorMatrix _informative;
    private readonly VectorMatrix _noise;

    private ClusteredCatalog(InteractionLog log, VectorMatrix informative, VectorMatrix noise)
    {
        Log = log;
        _informative = informative;
        _noise = noise;
        Blocks = [new FeatureBlock("informative", informative), new FeatureBlock("noise", noise)];
    }

    public InteractionLog Log { get; }

    public IReadOnlyList<FeatureBlock> Blocks { get; }

    public static ClusteredCatalog Create(int users = 150, int items = 200, int clusters = 4, int perUser = 15, int dimension = 8, int seed = 7)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Gaussians(random, dimension)).ToArray();
        var builder = new InteractionLogBuilder();
        var time = 0L;
        for (var u = 0; u < users; u++)
        {
            var cluster = random.Next(clusters);
            var picked = new HashSet<int>();
            while (picked.Count < perUser)
            {
                // Item i belongs to cluster i mod clusters.
                var item = random.NextDouble() < 0.9 ? (random.Next(items / clusters) * clusters) + cluster : random.Next(items);
                if (picked.Add(item))
                {
                    builder.Add($"u{u}", $"i{item}", time++);
                }
            }
        }

        var log = builder.Build();
        var informative = new float[log.ItemCount * dimension];
        var noise = new float[log.ItemCount * dimension];
        for (var index = 0; index < log.ItemCount; index++)
        {
            var item = int.Parse(log.ItemIds[index].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            var centre = centres[item % clusters];
            for (var k = 0; k < dimension; k++)
            {
                informative[(index * dimension) + k] = centre[k] + (0.2f * Gaussian(random));
                noise[(index * dimension) + k] = Gaussian(random);
            }
        }

        return new ClusteredCatalog(log, VectorMatrix.Create(informative, dimension), VectorMatrix.Create(noise, dimension));
    }

    public void Dispose()
    {
        _informative.Dispose();
        _noise.Dispose();
    }

    private static float[] Gaussians(Random random, int count) => Enumerable.Range(0, count).Select(_ => Gaussian(random)).ToArray();

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
