using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

/// <summary>
/// Interactions with a known latent structure: every item belongs to one of a few clusters ("genres") and its features
/// are the cluster's centre plus noise; every user likes one cluster and mostly picks its items. Every tenth item is
/// cold: it exists, with features, but no training interaction.
/// </summary>
public sealed class SyntheticCatalog
{
    private SyntheticCatalog(int userCount, int itemCount, int[] userClusters, int[] itemClusters, float[] features, int featureDimension, int[] users, int[] items)
    {
        UserCount = userCount;
        ItemCount = itemCount;
        UserClusters = userClusters;
        ItemClusters = itemClusters;
        Features = features;
        FeatureDimension = featureDimension;
        Users = users;
        Items = items;
    }

    public int UserCount { get; }

    public int ItemCount { get; }

    public int[] UserClusters { get; }

    public int[] ItemClusters { get; }

    public float[] Features { get; }

    public int FeatureDimension { get; }

    /// <summary>The training interactions (cold items left out), as parallel arrays.</summary>
    public int[] Users { get; }

    public int[] Items { get; }

    /// <summary>Every tenth item; with three clusters (item i is in cluster i mod 3) every cluster has cold items.</summary>
    public static bool IsCold(int item) => item % 10 == 0;

    /// <summary>Builds a catalog; the last user has no interactions at all.</summary>
    public static SyntheticCatalog Create(int users = 120, int items = 240, int clusters = 3, int featureDimension = 16, int itemsPerUser = 12, int seed = 5)
    {
        var random = new Random(seed);
        var centres = new float[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            centres[c] = Enumerable.Range(0, featureDimension).Select(_ => (float)Gaussian(random)).ToArray();
            VectorMath.Normalize(centres[c]);
        }

        var itemClusters = Enumerable.Range(0, items).Select(i => i % clusters).ToArray();
        var features = new float[items * featureDimension];
        for (var i = 0; i < items; i++)
        {
            for (var k = 0; k < featureDimension; k++)
            {
                features[(i * featureDimension) + k] = centres[itemClusters[i]][k] + (0.15f * (float)Gaussian(random));
            }
        }

        var userClusters = Enumerable.Range(0, users).Select(_ => random.Next(clusters)).ToArray();
        var (userList, itemList) = (new List<int>(), new List<int>());
        for (var u = 0; u < users - 1; u++)
        {
            for (var n = 0; n < itemsPerUser; n++)
            {
                var item = random.NextDouble() < 0.85
                    ? (random.Next(items / clusters) * clusters) + userClusters[u]
                    : random.Next(items);
                if (!IsCold(item))
                {
                    userList.Add(u);
                    itemList.Add(item);
                }
            }
        }

        return new SyntheticCatalog(users, items, userClusters, itemClusters, features, featureDimension, [.. userList], [.. itemList]);
    }

    public UserItemMatrix Feedback() => UserItemMatrix.Create(Users, Items, UserCount, ItemCount);

    public VectorMatrix FeatureMatrix() => VectorMatrix.Create(Features, FeatureDimension);

    /// <summary>
    /// Among cold items only, the share of (in the user's cluster, in another cluster) pairs the scorer orders
    /// correctly, averaged over users with history: 0.5 is chance, 1 is perfect.
    /// </summary>
    public double ColdItemAuc(IItemScorer scorer)
    {
        var scores = new float[ItemCount];
        var (sum, users) = (0.0, 0);
        for (var u = 0; u < UserCount - 1; u++)
        {
            scorer.ScoreItems(u, scores);
            var (correct, pairs) = (0.0, 0);
            for (var liked = 0; liked < ItemCount; liked++)
            {
                if (!IsCold(liked) || ItemClusters[liked] != UserClusters[u])
                {
                    continue;
                }

                for (var other = 0; other < ItemCount; other++)
                {
                    if (IsCold(other) && ItemClusters[other] != UserClusters[u])
                    {
                        correct += scores[liked] > scores[other] ? 1 : scores[liked] == scores[other] ? 0.5 : 0;
                        pairs++;
                    }
                }
            }

            sum += correct / pairs;
            users++;
        }

        return sum / users;
    }

    /// <summary>Every score of every user, row after row.</summary>
    public static float[] AllScores(IItemScorer scorer, int userCount)
    {
        var scores = new float[userCount * scorer.ItemCount];
        for (var u = 0; u < userCount; u++)
        {
            scorer.ScoreItems(u, scores.AsSpan(u * scorer.ItemCount, scorer.ItemCount));
        }

        return scores;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
