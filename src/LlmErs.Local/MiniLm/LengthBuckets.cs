namespace LlmErs.Local;

/// <summary>
/// Batches that group texts of similar token length: every text in a batch is padded to the batch's longest, so one
/// long text in a batch of short ones multiplies the batch's cost.
/// </summary>
internal static class LengthBuckets
{
    /// <summary>
    /// The positions of the texts, ordered by length (ties in input order), in consecutive batches of at most
    /// <paramref name="batchSize"/> texts and at most <paramref name="batchTokens"/> tokens once padded (a longer text
    /// goes alone); the caller writes each result back at its position, so the output keeps the input order.
    /// </summary>
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int batchSize, int batchTokens)
    {
        var order = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ToArray();
        var batches = new List<int[]>();
        var start = 0;
        while (start < order.Length)
        {
            // Sorted ascending, so a batch's padded size is its count times its last text's length.
            var end = start + 1;
            while (end < order.Length && end - start < batchSize && (long)(end - start + 1) * lengths[order[end]] <= batchTokens)
            {
                end++;
            }

            batches.Add(order[start..end]);
            start = end;
        }

        return batches;
    }
}
