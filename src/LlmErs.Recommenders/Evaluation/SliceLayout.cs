using System.Globalization;

namespace LlmErs.Recommenders;

/// <summary>Assigns items to popularity buckets and users to history-length buckets from the training log.</summary>
internal sealed class SliceLayout
{
    private SliceLayout(Slice[] itemSlices, byte[] itemBuckets, Slice[] userSlices, int[] userBuckets)
    {
        ItemSlices = itemSlices;
        ItemBuckets = itemBuckets;
        UserSlices = userSlices;
        UserBuckets = userBuckets;
    }

    /// <summary>Cold, long tail, head.</summary>
    public Slice[] ItemSlices { get; }

    /// <summary>Each item's index into <see cref="ItemSlices"/>.</summary>
    public byte[] ItemBuckets { get; }

    /// <summary>The history-length buckets, shortest first.</summary>
    public Slice[] UserSlices { get; }

    /// <summary>Each user's index into <see cref="UserSlices"/>.</summary>
    public int[] UserBuckets { get; }

    /// <summary>Every slice in report order (overall, items by popularity, users by history) with its filters: which users it has, and which of their relevant items (null: all).</summary>
    public IEnumerable<(Slice Slice, Func<int, bool> IncludesUser, Func<int, bool>? IncludesItem)> Definitions()
    {
        yield return (new Slice(SliceGroup.Overall, Slice.OverallName, "all test cases"), static _ => true, null);
        for (var bucket = 0; bucket < ItemSlices.Length; bucket++)
        {
            var b = bucket;
            yield return (ItemSlices[b], static _ => true, item => ItemBuckets[item] == b);
        }

        for (var bucket = 0; bucket < UserSlices.Length; bucket++)
        {
            var b = bucket;
            yield return (UserSlices[b], user => UserBuckets[user] == b, null);
        }
    }

    public static SliceLayout Create(InteractionLog train, SliceOptions options)
    {
        var (itemSlices, itemBuckets) = ItemPopularity(train.CountPerItem(), options);
        var (userSlices, userBuckets) = UserHistory(train.CountPerUser(), options.UserHistoryUpperBounds);
        return new SliceLayout(itemSlices, itemBuckets, userSlices, userBuckets);
    }

    private static (Slice[] Slices, byte[] Buckets) ItemPopularity(int[] counts, SliceOptions options)
    {
        const byte Cold = 0, LongTail = 1, Head = 2;
        var cold = options.ColdItemMaxTrainInteractions;
        var seen = counts.Where(c => c > 0).OrderDescending().ToArray();
        var headSize = (int)Math.Ceiling(options.HeadItemShare * seen.Length);
        var headMin = Math.Max(cold + 1, headSize > 0 ? seen[headSize - 1] : int.MaxValue);
        var buckets = new byte[counts.Length];
        var sizes = new int[3];
        for (var item = 0; item < counts.Length; item++)
        {
            buckets[item] = counts[item] <= cold ? Cold : counts[item] >= headMin ? Head : LongTail;
            sizes[buckets[item]]++;
        }

        Slice[] slices =
        [
            new(SliceGroup.ItemPopularity, Slice.ColdName, Invariant($"items with at most {cold} training interactions, none included ({sizes[Cold]:N0} items)")),
            new(SliceGroup.ItemPopularity, Slice.LongTailName, Invariant($"items with {cold + 1} to {headMin - 1} training interactions ({sizes[LongTail]:N0} items)")),
            new(SliceGroup.ItemPopularity, Slice.HeadName, Invariant($"items with at least {headMin} training interactions: the top {options.HeadItemShare * 100:0.#}% of the {seen.Length:N0} items seen in training, ties included ({sizes[Head]:N0} items)")),
        ];
        return (slices, buckets);
    }

    private static (Slice[] Slices, int[] Buckets) UserHistory(int[] lengths, IReadOnlyList<int> upperBounds)
    {
        var slices = new Slice[upperBounds.Count + 1];
        for (var b = 0; b <= upperBounds.Count; b++)
        {
            var low = b == 0 ? 0 : upperBounds[b - 1] + 1;
            var (name, description) = upperBounds.Count == 0
                ? ("all", "all users")
                : b == upperBounds.Count
                ? (Invariant($">{low - 1}"), Invariant($"users with more than {low - 1} training interactions"))
                : b == 0
                    ? (Invariant($"<={upperBounds[b]}"), Invariant($"users with at most {upperBounds[b]} training interactions"))
                    : (Invariant($"{low}-{upperBounds[b]}"), Invariant($"users with {low} to {upperBounds[b]} training interactions"));
            slices[b] = new Slice(SliceGroup.UserHistory, name, description);
        }

        var buckets = new int[lengths.Length];
        for (var user = 0; user < lengths.Length; user++)
        {
            var bucket = 0;
            while (bucket < upperBounds.Count && lengths[user] > upperBounds[bucket])
            {
                bucket++;
            }

            buckets[user] = bucket;
        }

        return (slices, buckets);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
