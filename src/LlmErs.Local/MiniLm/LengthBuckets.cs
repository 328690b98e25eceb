namespace LlmErs.Local;

/// <summary>
/// Batches that group texts of similar token length: every text in a batch is padded to the batch's longest, so one
/// long text in a batch of short ones multiplies the batch's cost.
/// </summary>
internal static class LengthBuckets
{
    /// <summary>
    /// What one more batch costs beside its word pieces, in word pieces: a run of one short text costs 5–7 pieces more
    /// than the same pieces in a full batch (<c>--batch-cost-report</c> in tests/LlmErs.Benchmarks).
    /// </summary>
    internal const int RunCost = 6;

    /// <summary>
    /// The positions of the texts, ordered by length (ties in input order), in consecutive batches of at most
    /// <paramref name="batchSize"/> texts and at most <paramref name="batchTokens"/> tokens once padded (a longer text
    /// goes alone), cut where the padded word pieces and the runs cost least together (on a tie, the earlier batches
    /// fuller); the caller writes each result back at its position, so the output keeps the input order.
    /// </summary>
    /// <remarks>
    /// Filling each batch in turn pads every text to the longest that fits: among short texts, whose lengths differ by
    /// a word piece or two, that padding is a tenth of the work. A batch may instead end where the length steps up,
    /// which costs a run. Which cuts cost least is found exactly (a shortest path over the sorted texts).
    /// </remarks>
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int batchSize, int batchTokens)
    {
        var order = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ToArray();

        // cost[end]: the least cost of batching the first `end` sorted texts; start[end]: where the last batch starts.
        var cost = new long[order.Length + 1];
        var start = new int[order.Length + 1];
        for (var end = 1; end <= order.Length; end++)
        {
            // Sorted ascending, so a batch's padded size is its count times its last text's length.
            var longest = lengths[order[end - 1]];
            cost[end] = long.MaxValue;
            for (var first = end - 1; first >= 0 && end - first <= batchSize && (first == end - 1 || (long)(end - first) * longest <= batchTokens); first--)
            {
                var total = cost[first] + ((long)(end - first) * longest) + RunCost;
                if (total < cost[end])
                {
                    (cost[end], start[end]) = (total, first);
                }
            }
        }

        var batches = new List<int[]>();
        for (var end = order.Length; end > 0; end = start[end])
        {
            batches.Add(order[start[end]..end]);
        }

        batches.Reverse();
        return batches;
    }
}
