namespace LlmErs.Local;

/// <summary>
/// Batches that group texts of similar token length: every text in a batch is padded to the batch's longest, so one
/// long text in a batch of short ones multiplies the batch's cost.
/// </summary>
internal static class LengthBuckets
{
    /// <summary>
    /// The positions of the texts, ordered by length (ties in input order), in consecutive batches of at most
    /// <paramref name="batchSize"/>; the caller writes each result back at its position, so the output keeps the input order.
    /// </summary>
    public static int[][] Plan(IReadOnlyList<int> lengths, int batchSize)
    {
        var order = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ToArray();
        return order.Chunk(batchSize).ToArray();
    }
}
