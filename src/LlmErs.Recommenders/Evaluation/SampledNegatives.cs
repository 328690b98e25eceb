using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Fixed negatives for sampled evaluation: for every user with relevant items in the evaluated part of a split, a
/// seeded uniform sample (without replacement) of items the user never interacted with in any part of the split.
/// Draw once and pass the same instance to every model, so all of them are ranked against the same items.
/// </summary>
/// <remarks>
/// Each user's sample comes from a random stream seeded by (seed, user), so it does not depend on the other users or
/// on threading. A user with fewer eligible items than asked gets all of them.
/// </remarks>
public sealed class SampledNegatives
{
    private readonly int[] _offsets;
    private readonly int[] _items;

    private SampledNegatives(IdMap itemIds, EvaluationTarget target, int countPerUser, int seed, int[] offsets, int[] items)
    {
        ItemIds = itemIds;
        Target = target;
        CountPerUser = countPerUser;
        Seed = seed;
        _offsets = offsets;
        _items = items;
    }

    /// <summary>The part of the split the negatives were drawn for.</summary>
    public EvaluationTarget Target { get; }

    /// <summary>The negatives asked for per user.</summary>
    public int CountPerUser { get; }

    /// <summary>The seed of the draw.</summary>
    public int Seed { get; }

    internal IdMap ItemIds { get; }

    /// <summary>Draws <paramref name="countPerUser"/> negatives for each user with relevant items in <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="countPerUser"/> is below 1.</exception>
    public static SampledNegatives Draw(DataSplit split, EvaluationTarget target = EvaluationTarget.Test, int countPerUser = 100, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfLessThan(countPerUser, 1);
        var relevant = UserItemMatrix.Create(target == EvaluationTarget.Test ? split.Test : split.Validation);
        var known = UserItemMatrix.Create(split.Train, split.Validation, split.Test);
        var offsets = new int[split.UserCount + 1];
        var items = new List<int>();
        var picked = new HashSet<int>();
        for (var user = 0; user < split.UserCount; user++)
        {
            if (relevant.CountOf(user) > 0)
            {
                var start = items.Count;
                Sample(known.ItemsOf(user), split.ItemCount, countPerUser, new SplitMix64(((ulong)(uint)seed << 32) | (uint)user), items, picked);
                items.Sort(start, items.Count - start, null);
            }

            offsets[user + 1] = items.Count;
        }

        return new SampledNegatives(split.ItemIds, target, countPerUser, seed, offsets, [.. items]);
    }

    /// <summary>The negatives of <paramref name="user"/>, ascending; empty for a user without relevant items.</summary>
    public ReadOnlySpan<int> Of(int user) => _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);

    private static void Sample(ReadOnlySpan<int> known, int itemCount, int count, SplitMix64 random, List<int> output, HashSet<int> picked)
    {
        var eligible = itemCount - known.Length;
        if (count * 2 >= eligible)
        {
            // Few eligible items: list them and take a seeded shuffle's prefix.
            var pool = new List<int>(eligible);
            for (var item = 0; item < itemCount; item++)
            {
                if (known.BinarySearch(item) < 0)
                {
                    pool.Add(item);
                }
            }

            for (var i = 0; i < Math.Min(count, pool.Count); i++)
            {
                var j = i + random.NextInt32(pool.Count - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                output.Add(pool[i]);
            }

            return;
        }

        picked.Clear();
        while (picked.Count < count)
        {
            var item = random.NextInt32(itemCount);
            if (known.BinarySearch(item) < 0 && picked.Add(item))
            {
                output.Add(item);
            }
        }
    }
}
